package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.CanonicalResource;
import dev.awsmcp.toolset.api.NamePattern;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.ResourceScope;
import dev.awsmcp.toolset.support.ResourceIdentifiers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource kind of Lambda tools: a function, by name, {@code name:qualifier} (version or alias), or a
 * full or partial ARN ({@code arn:aws:lambda:<region>:<account>:function:<name>[:qualifier]},
 * {@code <account>:function:<name>}). A pattern without {@code :} matches the name whatever the
 * qualifier; a pattern with {@code :} matches {@code name:qualifier} and so only qualified calls.
 */
public final class LambdaResources {

    /** The kind's name, as in {@code ResourceRef.kind()}. */
    public static final String FUNCTION = "function";

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9_-]{1,64})(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");
    private static final Pattern ARN = Pattern.compile(
            "(?:arn:aws[a-z-]*:lambda:([a-z0-9-]+):)?(\\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");

    /** A function, with its qualifier as the detail. */
    public static final ResourceKind FUNCTION_KIND = new ResourceKind() {
        @Override
        public String name() {
            return FUNCTION;
        }

        @Override
        public CanonicalResource canonicalize(String raw, ResourceScope scope) {
            Matcher arn = ARN.matcher(raw);
            if (arn.matches()) {
                ResourceIdentifiers.requireInScope(arn.group(1) == null ? scope.region() : arn.group(1), arn.group(2), raw, scope);
                return new CanonicalResource(FUNCTION, arn.group(3), arn.group(4), ":");
            }
            Matcher m = NAME.matcher(raw);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + ResourceIdentifiers.printable(raw)
                        + "' is not a valid Lambda function name (name, name:qualifier or ARN)");
            }
            return new CanonicalResource(FUNCTION, m.group(1), m.group(2), ":");
        }

        @Override
        public boolean covers(NamePattern pattern, CanonicalResource resource) {
            return pattern.pattern().contains(":")
                    ? resource.detail() != null && pattern.matches(resource.path())
                    : pattern.matches(resource.name());
        }
    };

    private LambdaResources() {
    }
}
