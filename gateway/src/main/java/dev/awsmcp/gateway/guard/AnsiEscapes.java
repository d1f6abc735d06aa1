package dev.awsmcp.gateway.guard;

/**
 * Bounds of ANSI escape sequences (CSI and OSC), found by a linear scan; no regular expression. SGR
 * sequences (colours and text attributes: {@code ESC [ digits ; : m}) are formatting that terminals
 * and log viewers add: the guard removes them from every value ({@link #withoutColours}) and reports
 * nothing; every other escape sequence (cursor movement, screen clearing, OSC titles and hyperlinks)
 * stays a finding.
 */
final class AnsiEscapes {

    private static final int ESC = 0x1B;
    private static final int BEL = 0x07;
    private static final int MAX_SEQUENCE = 256;
    /** Longest parameter list of an SGR sequence read as one ({@code 38;2;255;255;255;48;2;...}). */
    private static final int MAX_SGR_PARAMETERS = 64;

    private AnsiEscapes() {
    }

    /**
     * End (exclusive) of the escape sequence that starts with ESC at {@code start}: a CSI sequence
     * (ESC [ parameters intermediates final), an OSC sequence (ESC ] ... BEL or ESC \), a two-character
     * escape, or just the ESC when nothing well-formed follows within 256 characters.
     */
    static int end(CharSequence text, int start, int limit) {
        int bound = Math.min(limit, start + MAX_SEQUENCE);
        if (start + 1 >= bound) {
            return start + 1;
        }
        char kind = text.charAt(start + 1);
        if (kind == '[') {
            return csiEnd(text, start + 2, bound, start);
        }
        if (kind == ']') {
            return oscEnd(text, start + 2, bound, start);
        }
        return kind >= 0x40 && kind <= 0x5F ? start + 2 : start + 1;
    }

    /**
     * End (exclusive) of the SGR sequence ({@code ESC [ [0-9;:]* m}) that starts with ESC at {@code start},
     * or -1 when none starts there.
     */
    static int sgrEnd(CharSequence text, int start) {
        if (start + 2 >= text.length() || text.charAt(start) != ESC || text.charAt(start + 1) != '[') {
            return -1;
        }
        int bound = Math.min(text.length(), start + 2 + MAX_SGR_PARAMETERS + 1);
        for (int i = start + 2; i < bound; i++) {
            char c = text.charAt(i);
            if (c == 'm') {
                return i + 1;
            }
            if (!(c >= '0' && c <= '9' || c == ';' || c == ':')) {
                return -1;
            }
        }
        return -1;
    }

    /** {@code text} without its SGR sequences (colours, bold...), or {@code text} itself when it has none. */
    static String withoutColours(String text) {
        int esc = text.indexOf(ESC);
        if (esc < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = esc; i >= 0; i = text.indexOf(ESC, i + 1)) {
            int end = sgrEnd(text, i);
            if (end > 0) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, i);
                copied = end;
                i = end - 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static int csiEnd(CharSequence text, int i, int bound, int start) {
        while (i < bound && text.charAt(i) >= 0x30 && text.charAt(i) <= 0x3F) {
            i++;
        }
        while (i < bound && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x2F) {
            i++;
        }
        return i < bound && text.charAt(i) >= 0x40 && text.charAt(i) <= 0x7E ? i + 1 : start + 1;
    }

    private static int oscEnd(CharSequence text, int i, int bound, int start) {
        while (i < bound) {
            char c = text.charAt(i);
            if (c == BEL) {
                return i + 1;
            }
            if (c == ESC && i + 1 < bound && text.charAt(i + 1) == '\\') {
                return i + 2;
            }
            i++;
        }
        return start + 1;
    }
}
