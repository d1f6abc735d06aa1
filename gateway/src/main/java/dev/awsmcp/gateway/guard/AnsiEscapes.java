package dev.awsmcp.gateway.guard;

/** Bounds of ANSI escape sequences (CSI and OSC), found by a linear scan; no regular expression. */
final class AnsiEscapes {

    private static final int ESC = 0x1B;
    private static final int BEL = 0x07;
    private static final int MAX_SEQUENCE = 256;

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
