package dev.awsmcp.gateway.identity;

/**
 * The names STS records for an assumed-role session: readable ({@code <team>.<principal>}), limited to
 * the characters STS accepts ({@code [\w+=,.@-]}), at most 64 characters, and collision-safe: whenever
 * characters had to be replaced or the name cut, a short hash of the original is appended, so two
 * different callers never share a session name.
 */
final class RoleSessionNames {

    static final int MAX_LENGTH = 64;
    private static final int HASH_CHARS = 8;

    private RoleSessionNames() {
    }

    /** The role session name for {@code principal} acting for {@code team}. */
    static String sessionName(String team, String principal) {
        return fit(team + "." + principal);
    }

    /** The source identity for {@code principal} (STS: 2-64 characters of the same set). */
    static String sourceIdentity(String principal) {
        String name = fit(principal);
        return name.length() < 2 ? name + "--" : name;
    }

    /** A session tag value: letters, digits, spaces and {@code _.:/=+-@}, at most 256 characters. */
    static String tagValue(String value) {
        String cleaned = value.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", "_");
        return cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned;
    }

    private static String fit(String original) {
        String cleaned = original.replaceAll("[^\\w+=,.@-]", "_");
        if (cleaned.equals(original) && cleaned.length() <= MAX_LENGTH) {
            return cleaned;
        }
        String suffix = "." + hash(original);
        int keep = Math.min(cleaned.length(), MAX_LENGTH - suffix.length());
        return cleaned.substring(0, keep) + suffix;
    }

    private static String hash(String text) {
        return dev.awsmcp.gateway.audit.Sha256.hex(text).substring(0, HASH_CHARS);
    }
}
