package dev.awsmcp.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
