package dev.awsmcp.gateway.policy;

import dev.awsmcp.toolset.api.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonicalizes the resource identifiers a call names before they are matched against policies:
 * names are checked against the service's own character rules (so look-alike Unicode, wildcards and
 * control characters never reach matching), ARNs are accepted only for the toolset's own region and
 * configured account and reduced to names, and S3 keys are refused when they carry path tricks
 * ({@code .} or {@code ..} segments, {@code //}, a leading {@code /}, percent-encoded octets,
 * backslashes or control characters). Anything else is refused: an identifier that cannot be
 * canonicalized is never authorized.
 */
final class ResourceNames {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\\d{12}):table/([^/]+)");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    private static final Pattern LOG_GROUP_ARN = Pattern.compile("arn:aws[a-z-]*:logs:([a-z0-9-]+):(\\d{12}):log-group:([^:]+)(?::\\*)?");
    private static final Pattern FUNCTION = Pattern.compile("([A-Za-z0-9_-]{1,64})(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "(?:arn:aws[a-z-]*:lambda:([a-z0-9-]+):)?(\\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");
    private static final Pattern ENCODED_OCTET = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final int MAX_KEY_BYTES = 1024;

    private final String region;
    private final String accountId;

    /**
     * @param region the toolset's region
     * @param accountId the toolset's account, or null when not configured (then ARNs are refused)
     */
    ResourceNames(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** The canonical form of {@code ref}; throws {@link IllegalArgumentException} with a message for the model. */
    CanonicalResource canonicalize(ResourceRef ref) {
        String raw = ref.name();
        if (blank(raw)) {
            throw new IllegalArgumentException("a " + ref.kind() + " identifier is empty or only whitespace ('" + printable(raw)
                    + "'); give the exact name");
        }
        return switch (ref.kind()) {
            case ResourceRef.TABLE -> new CanonicalResource(ref.kind(), arnOrName(raw, TABLE_ARN, TABLE, "DynamoDB table"), null);
            case ResourceRef.LOG_GROUP -> new CanonicalResource(ref.kind(), arnOrName(raw, LOG_GROUP_ARN, LOG_GROUP, "log group"), null);
            case ResourceRef.FUNCTION -> function(raw);
            case ResourceRef.BUCKET -> new CanonicalResource(ref.kind(), bucket(raw), null);
            case ResourceRef.OBJECT, ResourceRef.OBJECT_PREFIX -> s3Path(ref.kind(), raw);
            default -> throw new IllegalArgumentException("resource kind '" + ref.kind() + "' is not known to the gateway");
        };
    }

    private String arnOrName(String raw, Pattern arn, Pattern name, String what) {
        Matcher m = arn.matcher(raw);
        if (m.matches()) {
            checkAccountAndRegion(m.group(1), m.group(2), raw);
            raw = m.group(3);
        } else if (raw.startsWith("arn:")) {
            throw new IllegalArgumentException("'" + raw + "' is not a " + what + " ARN this gateway accepts; use the name");
        }
        if (!name.matcher(raw).matches()) {
            throw new IllegalArgumentException("'" + printable(raw) + "' is not a valid " + what + " name");
        }
        return raw;
    }

    private CanonicalResource function(String raw) {
        Matcher arn = FUNCTION_ARN.matcher(raw);
        if (arn.matches()) {
            checkAccountAndRegion(arn.group(1) == null ? region : arn.group(1), arn.group(2), raw);
            return new CanonicalResource(ResourceRef.FUNCTION, arn.group(3), arn.group(4));
        }
        Matcher m = FUNCTION.matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + printable(raw) + "' is not a valid Lambda function name (name, name:qualifier or ARN)");
        }
        return new CanonicalResource(ResourceRef.FUNCTION, m.group(1), m.group(2));
    }

    private void checkAccountAndRegion(String arnRegion, String arnAccount, String raw) {
        if (!region.equals(arnRegion)) {
            throw new IllegalArgumentException("'" + raw + "' is in region " + arnRegion + "; this toolset serves " + region);
        }
        if (accountId == null) {
            throw new IllegalArgumentException("ARNs are not accepted by this toolset (no accountId configured); use the name");
        }
        if (!accountId.equals(arnAccount)) {
            throw new IllegalArgumentException("'" + raw + "' belongs to another AWS account");
        }
    }

    private static String bucket(String raw) {
        if (!BUCKET.matcher(raw).matches() || raw.contains("..")) {
            throw new IllegalArgumentException("'" + printable(raw) + "' is not a valid S3 bucket name");
        }
        return raw;
    }

    private static CanonicalResource s3Path(String kind, String raw) {
        int slash = raw.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("S3 reference '" + printable(raw) + "' must be bucket/key");
        }
        String key = raw.substring(slash + 1);
        boolean prefix = ResourceRef.OBJECT_PREFIX.equals(kind);
        if (!prefix && key.isEmpty()) {
            throw new IllegalArgumentException("S3 key must not be empty");
        }
        checkKey(key);
        return new CanonicalResource(kind, bucket(raw.substring(0, slash)), key);
    }

    private static void checkKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("S3 key is longer than 1024 bytes");
        }
        if (key.startsWith("/") || key.contains("//") || key.indexOf('\\') >= 0 || ENCODED_OCTET.matcher(key).find()) {
            throw new IllegalArgumentException("S3 key '" + printable(key) + "' has a leading '/', '//', '\\\\' or a percent-encoded octet; "
                    + "give the key exactly as stored, unencoded");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("S3 key '" + printable(key) + "' has a '.' or '..' segment");
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new IllegalArgumentException("S3 key has a control or invisible formatting character at position " + i);
            }
        }
    }

    /**
     * True when {@code raw} has nothing but whitespace, space separators (U+00A0, U+2003, ...) and invisible
     * formatting characters: wider than {@link String#isBlank()}, which misses the no-break spaces.
     */
    static boolean blank(String raw) {
        return raw.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT);
    }

    /** The text with non-printable characters escaped, for error messages. */
    static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(200).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u{%x}", cp));
            }
        });
        return out.toString();
    }
}
