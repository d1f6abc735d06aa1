package dev.awsmcp.gateway.guard;

/**
 * Tells a role word that is a mapping key from one that opens a chat turn. In a YAML document (a
 * config object in S3, a Helm values file in a runbook) {@code system:} or {@code assistant:} ends its
 * line and the lines below it are indented further and hold keys ({@code name: x}), list items
 * ({@code - x}) or a block scalar ({@code system: |}): that is structure, not a turn. A turn label is
 * followed by the turn's text, on its line or below it, unindented or not shaped like keys. Reads
 * the original text (indentation is not in the shadow), a bounded stretch after the label.
 */
final class MappingKeys {

    private static final int MAX_BLANK_LINES = 4;
    private static final int MAX_KEY = 80;

    private MappingKeys() {
    }

    /** The role label matched from {@code start} to {@code end} of {@code shadow} is a key with nested content. */
    static boolean nestedContentFollows(ShadowText shadow, int start, int end) {
        int colon = shadow.text().indexOf(':', start);
        if (colon < 0 || colon >= end) {
            return false;
        }
        String text = shadow.original();
        int at = shadow.originalStart(colon);
        if (at >= text.length() || text.charAt(at) != ':') {
            return false;
        }
        int indent = indentOfLine(text, at);
        int i = skip(text, at + 1, " \t*_");
        boolean blockScalar = i < text.length() && (text.charAt(i) == '|' || text.charAt(i) == '>');
        if (blockScalar) {
            i = skip(text, i + 1, "+-0123456789 \t");
        }
        if (i < text.length() && text.charAt(i) == '#') {
            i = lineEnd(text, i);
        }
        if (i >= text.length() || (text.charAt(i) != '\n' && text.charAt(i) != '\r')) {
            return false;
        }
        int next = nextContentLine(text, i);
        if (next < 0) {
            return false;
        }
        int nested = skip(text, next, " \t");
        return nested - next > indent && (blockScalar || isKeyOrItem(text, nested));
    }

    /** Spaces and tabs at the start of the line that holds {@code at}. */
    private static int indentOfLine(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        return skip(text, lineStart, " \t") - lineStart;
    }

    /** Start of the first line after the line break at {@code i} that is not blank, or -1. */
    private static int nextContentLine(String text, int i) {
        for (int lines = 0; lines <= MAX_BLANK_LINES && i < text.length(); lines++) {
            i = lineEnd(text, i);
            if (i >= text.length()) {
                return -1;
            }
            i = text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            int content = skip(text, i, " \t");
            if (content < text.length() && text.charAt(content) != '\n' && text.charAt(content) != '\r') {
                return i;
            }
        }
        return -1;
    }

    /** {@code key:} (a word of letters, digits, {@code _ . -}, or a quoted one) followed by a space or line end, or {@code - }. */
    private static boolean isKeyOrItem(String text, int i) {
        if (i >= text.length()) {
            return false;
        }
        char first = text.charAt(i);
        if (first == '-') {
            return i + 1 >= text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r';
        }
        int k = i;
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, i + 1);
            k = close < 0 || close - i > MAX_KEY ? -1 : close + 1;
        } else {
            while (k < text.length() && k - i <= MAX_KEY && isKeyChar(text.charAt(k))) {
                k++;
            }
            k = k == i ? -1 : k;
        }
        if (k < 0 || k >= text.length() || text.charAt(k) != ':') {
            return false;
        }
        return k + 1 >= text.length() || " \t\r\n".indexOf(text.charAt(k + 1)) >= 0;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static int skip(String text, int i, String characters) {
        while (i < text.length() && characters.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int lineEnd(String text, int i) {
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }
}
