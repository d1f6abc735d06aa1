package dev.awsmcp.toolset.lambda;

import java.util.List;
import java.util.Optional;

/**
 * Value-level secret detection for environment variables the operator allowed: whatever the name says,
 * a value shaped like a secret is not shown. Shapes: a PEM block, a URL with a password, an AWS access key
 * id, a JWT, a token with a vendor prefix ({@code sk_live_}, {@code whsec_}, {@code ghp_}, {@code xoxb-}...),
 * and any run of 20+ characters without separators that mixes letters and digits (or is long hex) with the
 * character spread of random data. Hand-written scans, linear in the value, no regular expression.
 */
final class SecretShapes {

    private static final List<String> TOKEN_PREFIXES = List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_",
            "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "xoxs-", "xapp-",
            "AIza", "SG.", "sq0atp-", "sq0csp-", "shpat_", "shpss_", "npm_", "pypi-", "hf_", "sk-ant-", "sk-proj-");
    private static final int MIN_RANDOM_RUN = 20;
    private static final int MIN_HEX_RUN = 32;
    /** Bits per character of the run's own character frequencies; English-like identifiers stay below. */
    private static final double MIN_ENTROPY = 3.5;

    private SecretShapes() {
    }

    /** The kind of secret {@code value} looks like, if any. */
    static Optional<String> kind(String value) {
        if (value.contains("-----BEGIN")) {
            return Optional.of("private key");
        }
        if (hasUrlPassword(value)) {
            return Optional.of("URL with a password");
        }
        for (String prefix : TOKEN_PREFIXES) {
            int at = value.indexOf(prefix);
            if (at >= 0 && (at == 0 || !Character.isLetterOrDigit(value.charAt(at - 1))) && value.length() - at >= prefix.length() + 8) {
                return Optional.of("API token");
            }
        }
        if (isAwsKeyId(value)) {
            return Optional.of("AWS access key id");
        }
        if (isJwt(value)) {
            return Optional.of("JWT");
        }
        return hasRandomRun(value) ? Optional.of("random token") : Optional.empty();
    }

    private static boolean hasUrlPassword(String value) {
        for (int scheme = value.indexOf("://"); scheme >= 0; scheme = value.indexOf("://", scheme + 3)) {
            int end = scheme + 3;
            while (end < value.length() && "/?#".indexOf(value.charAt(end)) < 0 && !Character.isWhitespace(value.charAt(end))) {
                end++;
            }
            String authority = value.substring(scheme + 3, end);
            int at = authority.lastIndexOf('@');
            if (at > 0 && authority.substring(0, at).indexOf(':') > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAwsKeyId(String value) {
        for (int i = 0; i + 20 <= value.length(); i++) {
            if ((value.startsWith("AKIA", i) || value.startsWith("ASIA", i)) && (i == 0 || !Character.isLetterOrDigit(value.charAt(i - 1)))) {
                int j = i + 4;
                while (j < i + 20 && (Character.isUpperCase(value.charAt(j)) || Character.isDigit(value.charAt(j)))) {
                    j++;
                }
                if (j == i + 20) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Three dot-separated base64url parts, the first a JSON header ({@code eyJ}). */
    private static boolean isJwt(String value) {
        int start = value.indexOf("eyJ");
        if (start < 0) {
            return false;
        }
        int dots = 0;
        int i = start;
        while (i < value.length() && (isBase64Url(value.charAt(i)) || value.charAt(i) == '.')) {
            dots += value.charAt(i) == '.' ? 1 : 0;
            i++;
        }
        return dots == 2 && i - start >= 30;
    }

    /** A run of letters, digits and {@code + / =} (split at {@code - _ . : @ , ;} and whitespace) that looks random. */
    private static boolean hasRandomRun(String value) {
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            boolean end = i == value.length() || isSeparator(value.charAt(i));
            if (end) {
                if (i - start >= MIN_RANDOM_RUN && looksRandom(value.substring(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean looksRandom(String run) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean hex = true;
        int[] counts = new int[128];
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c >= 128) {
                return false;
            }
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
            hex &= Character.digit(c, 16) >= 0;
            counts[c]++;
        }
        if (hex && digit && run.length() >= MIN_HEX_RUN) {
            return true;
        }
        boolean mixed = digit && (upper || lower) || upper && lower && run.chars().anyMatch(c -> c == '+' || c == '/');
        return mixed && entropy(counts, run.length()) >= MIN_ENTROPY;
    }

    private static double entropy(int[] counts, int length) {
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || "-_.:@,;\"'".indexOf(c) >= 0;
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
