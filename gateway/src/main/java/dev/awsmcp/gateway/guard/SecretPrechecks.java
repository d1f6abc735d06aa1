package dev.awsmcp.gateway.guard;

/**
 * Hand-written necessary conditions for the secret rules (see {@link SecretRule.Precheck}): each looks
 * at the folded text right after one trigger and answers false only when the rule's pattern cannot
 * match with that trigger, so the RE2/J pattern runs only where a secret can be. Bounded work per
 * trigger, no allocation.
 */
final class SecretPrechecks {

    /** userinfo (256) + ':' + password (256) + '@'. */
    private static final int MAX_USER_INFO = 514;
    private static final int MIN_BEARER_TOKEN = 20;
    private static final int KEY_ID_TAIL = 16;
    /** Longest name tail after "secret" in the secret-access-key names: {@code _access_key}. */
    private static final int MAX_SECRET_NAME_TAIL = "_access_key".length();

    private SecretPrechecks() {
    }

    /** After {@code ://}: the first of {@code \s/?#@"'<>} is an {@code @} with a {@code :} before it. */
    static boolean userInfo(String lower, int start, int end) {
        boolean colon = false;
        for (int i = end; i < lower.length() && i - end <= MAX_USER_INFO; i++) {
            char c = lower.charAt(i);
            if (isSpace(c) || c == '/' || c == '?' || c == '#' || c == '@' || c == '"' || c == '\'' || c == '<' || c == '>') {
                return c == '@' && colon;
            }
            colon |= c == ':';
        }
        return false;
    }

    /** After a name: an optional quote, whitespace, then {@code :} or {@code =}. */
    static boolean assignment(String lower, int start, int end) {
        int i = skipSpace(lower, skipQuote(lower, end));
        return i < lower.length() && (lower.charAt(i) == ':' || lower.charAt(i) == '=');
    }

    /** After {@code bearer}: whitespace, then at least 20 token characters. */
    static boolean bearer(String lower, int start, int end) {
        int i = skipSpace(lower, end);
        if (i == end) {
            return false;
        }
        int from = i;
        while (i < lower.length() && i - from < MIN_BEARER_TOKEN && isTokenChar(lower.charAt(i))) {
            i++;
        }
        return i - from >= MIN_BEARER_TOKEN;
    }

    /** After {@code secret}: at most {@code _access_key} more name letters, then an assignment. */
    static boolean secretKeyName(String lower, int start, int end) {
        int i = end;
        while (i < lower.length() && (lower.charAt(i) >= 'a' && lower.charAt(i) <= 'z' || lower.charAt(i) == '_')) {
            if (++i - end > MAX_SECRET_NAME_TAIL) {
                return false;
            }
        }
        return assignment(lower, start, i);
    }

    /** After {@code eyJ}: two base64url characters. */
    static boolean jwt(String lower, int start, int end) {
        return end + 2 <= lower.length() && isBase64Url(lower.charAt(end)) && isBase64Url(lower.charAt(end + 1));
    }

    private static boolean isBase64Url(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** After an access key id prefix: 16 characters of the base32 alphabet. */
    static boolean keyId(String lower, int start, int end) {
        if (end + KEY_ID_TAIL > lower.length()) {
            return false;
        }
        for (int i = end; i < end + KEY_ID_TAIL; i++) {
            char c = lower.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
                return false;
            }
        }
        return true;
    }

    /**
     * After a generic secret-name trigger: the rest of the name keyword ({@code password|passwd},
     * {@code api[_-]?key}, {@code private[_-]?key}, {@code credentials?}), then {@code =}, {@code : }
     * or a quote and {@code :}, as the generic rule's separator requires.
     */
    static boolean genericName(String lower, int start, int end) {
        int i = keywordEnd(lower, start, end);
        if (i < 0) {
            return false;
        }
        boolean quoted = i < lower.length() && (lower.charAt(i) == '"' || lower.charAt(i) == '\'');
        i = skipSpace(lower, quoted ? i + 1 : i);
        if (i >= lower.length()) {
            return false;
        }
        char c = lower.charAt(i);
        return c == '=' || c == ':' && (quoted || i + 1 < lower.length() && isSpace(lower.charAt(i + 1)));
    }

    private static int keywordEnd(String lower, int start, int end) {
        return switch (lower.substring(start, end)) {
            case "passw" -> lower.startsWith("ord", end) ? end + 3 : lower.startsWith("d", end) ? end + 1 : -1;
            case "api", "private" -> {
                int i = end < lower.length() && (lower.charAt(end) == '_' || lower.charAt(end) == '-') ? end + 1 : end;
                yield lower.startsWith("key", i) ? i + 3 : -1;
            }
            case "credential" -> lower.startsWith("s", end) ? end + 1 : end;
            default -> end;
        };
    }

    private static int skipQuote(String lower, int i) {
        return i < lower.length() && (lower.charAt(i) == '"' || lower.charAt(i) == '\'') ? i + 1 : i;
    }

    private static int skipSpace(String lower, int i) {
        while (i < lower.length() && isSpace(lower.charAt(i))) {
            i++;
        }
        return i;
    }

    /** RE2's {@code \s}: {@code [\t\n\f\r ]}. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '-';
    }
}
