package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.CanonicalResource;
import dev.awsmcp.toolset.api.NamePattern;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.ResourceScope;
import dev.awsmcp.toolset.support.ResourceIdentifiers;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource kinds of this toolset and the rules the gateway needs to authorize them: how a raw
 * identifier from a call becomes its canonical name (or is refused with a message for the model), and
 * how a policy pattern covers a canonical name. Pure; kept in one place so that it plugs into the SPI's
 * toolset-declared resource kinds without changes.
 *
 * <ul>
 *   <li>{@code alarm}: a CloudWatch alarm (metric or composite), by name or by ARN
 *       {@code arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>} of the toolset's own region and
 *       account; canonical form: the name. AWS allows any UTF-8 in alarm names except control characters,
 *       at most 255 characters.</li>
 *   <li>{@code metric-namespace}: a metric namespace such as {@code AWS/Lambda} or {@code Payments/API};
 *       canonical form: the namespace as given (exact case). AWS allows printable ASCII, at most 255
 *       characters, not starting with {@code :}; there is no ARN form.</li>
 * </ul>
 * Patterns match with {@code *} as the only wildcard (any run of characters, {@code /} and {@code :}
 * included), exact case, like every other grant.
 */
enum CloudWatchResourceKind {

    ALARM("alarm") {
        @Override
        String canonicalize(String raw, String region, String accountId) {
            requireNotBlank("alarm name", raw);
            String name = raw;
            if (raw.startsWith("arn:")) {
                Matcher arn = ALARM_ARN.matcher(raw);
                if (!arn.matches()) {
                    throw new IllegalArgumentException("'" + printable(raw) + "' is not a CloudWatch alarm ARN "
                            + "(arn:aws:cloudwatch:<region>:<account>:alarm:<name>); give the ARN in that form or the alarm name");
                }
                checkRegionAndAccount(raw, arn.group(1), arn.group(2), region, accountId);
                name = arn.group(3);
            }
            if (name.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("alarm name '" + printable(name.substring(0, 40)) + "...' is longer than "
                        + MAX_LENGTH + " characters; give the exact alarm name");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)
                        && !validSurrogatePair(name, i)) {
                    throw new IllegalArgumentException("alarm name '" + printable(name) + "' has a control, invisible or "
                            + "malformed character at position " + i + "; give the alarm name exactly as CloudWatch shows it");
                }
            }
            requireNotBlank("alarm name", name);
            return name;
        }
    },

    METRIC_NAMESPACE("metric-namespace") {
        @Override
        String canonicalize(String raw, String region, String accountId) {
            requireNotBlank("metric namespace", raw);
            if (raw.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("metric namespace '" + printable(raw.substring(0, 40)) + "...' is longer than "
                        + MAX_LENGTH + " characters");
            }
            if (!NAMESPACE.matcher(raw).matches()) {
                throw new IllegalArgumentException("'" + printable(raw) + "' is not a metric namespace: CloudWatch namespaces are "
                        + "printable ASCII and do not start with ':' (for example AWS/Lambda or Payments/API)");
            }
            return raw;
        }
    };

    /** The longest alarm name or namespace AWS accepts. */
    static final int MAX_LENGTH = 255;
    /** Group 1: region, 2: account, 3: the alarm name (which may itself contain {@code :}). */
    private static final Pattern ALARM_ARN = Pattern.compile("arn:aws[a-z-]*:cloudwatch:([a-z0-9-]+):(\\d{12}):alarm:(.+)", Pattern.DOTALL);
    private static final Pattern NAMESPACE = Pattern.compile("[\\x20-\\x39\\x3b-\\x7e][\\x20-\\x7e]*");

    private final String kind;

    CloudWatchResourceKind(String kind) {
        this.kind = kind;
    }

    /**
     * The alarm name AWS expects for an alarm given by name or ARN: an ARN reduced to its name, anything else
     * as given. For requests only, after the gateway has authorized the identifier; checks nothing.
     */
    static String alarmName(String nameOrArn) {
        Matcher arn = ALARM_ARN.matcher(nameOrArn);
        return arn.matches() ? arn.group(3) : nameOrArn;
    }

    /** The kind as {@code ResourceRef} and listing filters name it. */
    String kind() {
        return kind;
    }

    /** The kind called {@code kind}, if it is one of this toolset's. */
    static Optional<CloudWatchResourceKind> of(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }

    /**
     * The canonical name of {@code raw} (not null) for a toolset in {@code region} of account {@code accountId}
     * (null when not configured: ARNs are then refused, since their account cannot be checked).
     *
     * @throws IllegalArgumentException with a message for the model when {@code raw} is blank, malformed, or an
     *     ARN of another region or account
     */
    abstract String canonicalize(String raw, String region, String accountId);

    /** True when policy pattern {@code pattern} ({@code *} the only wildcard, exact case) covers {@code canonicalName}. */
    boolean covers(String pattern, String canonicalName) {
        return new NamePattern(pattern).matches(canonicalName);
    }

    /** This kind as the SPI declares it: the canonical name is the resource's name, and a pattern matches it. */
    ResourceKind declared() {
        CloudWatchResourceKind self = this;
        return new ResourceKind() {
            @Override
            public String name() {
                return kind;
            }

            @Override
            public CanonicalResource canonicalize(String raw, ResourceScope scope) {
                return new CanonicalResource(kind, self.canonicalize(raw, scope.region(), scope.accountId()));
            }

            @Override
            public boolean covers(NamePattern pattern, CanonicalResource resource) {
                return pattern.matches(resource.name());
            }
        };
    }

    private static void checkRegionAndAccount(String raw, String arnRegion, String arnAccount, String region, String accountId) {
        if (!arnRegion.equals(region)) {
            throw new IllegalArgumentException("'" + printable(raw) + "' is in region " + arnRegion + "; this toolset serves "
                    + region + ": give an alarm of " + region + " or use the toolset configured for " + arnRegion);
        }
        if (accountId == null) {
            throw new IllegalArgumentException("alarm ARNs are not accepted by this toolset (no accountId configured); give the alarm name");
        }
        if (!arnAccount.equals(accountId)) {
            throw new IllegalArgumentException("'" + printable(raw) + "' belongs to another AWS account; this toolset serves "
                    + accountId);
        }
    }

    /** Refuses text of nothing but whitespace, space separators (U+00A0, ...) and invisible formatting characters. */
    private static void requireNotBlank(String what, String raw) {
        if (ResourceIdentifiers.blank(raw)) {
            throw new IllegalArgumentException("the " + what + " is empty or only whitespace ('" + printable(raw)
                    + "'); give the exact " + what);
        }
    }

    private static boolean validSurrogatePair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    static String printable(String raw) {
        return ResourceIdentifiers.printable(raw);
    }
}
