package dev.awsmcp.toolset.support;

import dev.awsmcp.toolset.api.CanonicalResource;
import dev.awsmcp.toolset.api.NamePattern;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.ResourceScope;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource known by a name that may also be written as an ARN (a DynamoDB table, a log group, an alarm):
 * the ARN is accepted only in the toolset's region and account and reduced to the name; the name must
 * match the service's character rules; a policy pattern covers it when it matches the name.
 */
public final class NamedResourceKind implements ResourceKind {

    private final String name;
    private final String what;
    private final Pattern valid;
    private final Pattern arn;

    /**
     * @param name the kind's name, e.g. {@code table}
     * @param what how messages call it, e.g. {@code DynamoDB table}
     * @param valid the service's rule for names (whole match)
     * @param arn the ARN form, whole match, with groups 1 region, 2 account, 3 name
     */
    public NamedResourceKind(String name, String what, Pattern valid, Pattern arn) {
        this.name = Objects.requireNonNull(name, "name");
        this.what = Objects.requireNonNull(what, "what");
        this.valid = Objects.requireNonNull(valid, "valid");
        this.arn = Objects.requireNonNull(arn, "arn");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CanonicalResource canonicalize(String raw, ResourceScope scope) {
        String candidate = raw;
        Matcher m = arn.matcher(raw);
        if (m.matches()) {
            ResourceIdentifiers.requireInScope(m.group(1), m.group(2), raw, scope);
            candidate = m.group(3);
        } else if (raw.startsWith("arn:")) {
            throw new IllegalArgumentException("'" + ResourceIdentifiers.printable(raw) + "' is not a " + what
                    + " ARN this gateway accepts; use the name");
        }
        if (!valid.matcher(candidate).matches()) {
            throw new IllegalArgumentException("'" + ResourceIdentifiers.printable(candidate) + "' is not a valid " + what + " name");
        }
        return new CanonicalResource(name, candidate);
    }

    @Override
    public boolean covers(NamePattern pattern, CanonicalResource resource) {
        return pattern.matches(resource.name());
    }
}
