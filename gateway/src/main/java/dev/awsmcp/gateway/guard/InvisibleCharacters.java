package dev.awsmcp.gateway.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * The guard's own floor under the detector: which code points a reader cannot see (controls other
 * than tab and line breaks, format characters such as zero-width and bidi controls and Unicode tags,
 * private-use and unassigned code points, lone surrogates, variation-selector runs, fillers), how they
 * are shown ({@code <U+200B>}) and where they are. One pass over the text.
 */
final class InvisibleCharacters {

    private InvisibleCharacters() {
    }

    /**
     * True when {@code cp} at {@code index} of {@code text} is invisible; a single variation selector after a visible
     * character is emoji presentation, and a joiner inside an emoji sequence or a word of a joining script is writing
     * ({@link Joiners}), not hidden.
     */
    static boolean isInvisible(String text, int index, int cp) {
        if (cp >= 0x20 && cp < 0x7F || cp == '\n' || cp == '\r' || cp == '\t') {
            return false;
        }
        if ((cp == 0x200C || cp == 0x200D) && Joiners.isWriting(text, index)) {
            return false;
        }
        if (isVariationSelector(cp)) {
            int before = index > 0 ? text.codePointBefore(index) : -1;
            int next = index + Character.charCount(cp);
            int after = next < text.length() ? text.codePointAt(next) : -1;
            return isVariationSelector(before) || isVariationSelector(after) || before < 0;
        }
        if (cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** Printable ASCII, tabs and line breaks only: nothing in it is invisible. */
    static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c >= 0x7F) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /** {@code <U+200B>}: how flag mode shows an invisible code point. */
    static String shown(int cp) {
        return String.format("<U+%04X>", cp);
    }

    /** {@code text} with every invisible code point shown escaped ({@code escape}) or removed. */
    static String treat(String text, boolean escape) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (isInvisible(text, i, cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                if (escape) {
                    out.append(shown(cp));
                }
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /** Runs of invisible code points as findings, skipping those inside {@code covered} (sorted, disjoint [start, end) ranges). */
    static List<Finding> runs(String text, List<int[]> covered) {
        if (isPlainAscii(text)) {
            return new ArrayList<>();
        }
        List<Finding> found = new ArrayList<>();
        int runStart = -1;
        int count = 0;
        StringBuilder sample = new StringBuilder();
        int c = 0;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : -1;
            while (c < covered.size() && covered.get(c)[1] <= i) {
                c++;
            }
            boolean inCovered = c < covered.size() && covered.get(c)[0] <= i;
            boolean invisible = cp >= 0 && !inCovered && isInvisible(text, i, cp);
            if (invisible && runStart < 0) {
                runStart = i;
            }
            if (invisible) {
                if (++count <= 4) {
                    sample.append(shown(cp));
                }
            } else if (runStart >= 0) {
                found.add(new Finding(GuardFinding.INVISIBLE, "invisible-character", runStart, i,
                        count + " invisible or control character(s): " + sample + (count > 4 ? "..." : "")));
                runStart = -1;
                count = 0;
                sample.setLength(0);
            }
            i += cp >= 0 ? Character.charCount(cp) : 1;
        }
        return found;
    }
}
