package dev.awsmcp.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The original range of every shadow character, kept as breakpoints while the shadow is written by the ASCII fast path
 * and as arrays once it leaves it ({@link ShadowText}), is the one a plain writer gives: one code point at a time,
 * every character with its range, as {@link ShadowText}'s documentation says (ASCII as its fast path reads it: only
 * space, tab, line breaks, vertical tab and form feed are whitespace, other controls are dropped). On random texts of ASCII letters,
 * whitespace runs, control characters, colour codes and folded characters, whole and in ranges, in a fresh and in a
 * reused builder (whose breakpoints and arrays hold the previous text's).
 */
class ShadowTextRangesTest {

    private static final String[] ASCII = {" ", "  ", "   \t ", "\n", "\r\n", " \n  ", "\u000b", "\u0001", "\u007f", "\u001f\u001f",
        ".", "-", ":", "#", "a", "b", "ab", "Ignore", "42", "x y", "word", "{\"k\":1}"};
    private static final String[] FOLDED = {"\u00a0", "\u2028", "\u200b", "\u00ad", "\u001b[32m", "\u001b[0m", "\u00e9",
        "\u017f", "\u212a", "\ufb01", "\uff29\uff27", "\ud835\udc22", "\u0456"};

    @Test
    void rangesAreThoseOfAPlainWriter() {
        Random random = new Random(31);
        int compared = 0;
        int lazy = 0;
        for (int n = 0; n < 6_000; n++) {
            boolean asciiOnly = n % 2 == 0;
            StringBuilder text = new StringBuilder();
            for (int k = 1 + random.nextInt(40); k > 0; k--) {
                boolean folded = !asciiOnly && random.nextInt(6) == 0;
                text.append(folded ? FOLDED[random.nextInt(FOLDED.length)] : ASCII[random.nextInt(ASCII.length)]);
            }
            String original = text.toString();
            int from = random.nextInt(original.length());
            int to = from + random.nextInt(original.length() - from + 1);
            if (Character.isLowSurrogate(original.charAt(from))) {
                continue;
            }
            for (int[] range : new int[][] {{0, original.length()}, {from, to}}) {
                Plain plain = new Plain(original, range[0], range[1]);
                ShadowText fresh = ShadowText.of(original, range[0], range[1]);
                ShadowText reused = ShadowText.reusing(original, range[0], range[1], random.nextBoolean()
                        ? PatternInjectionDetector.RULES.automaton() : null);
                for (ShadowText shadow : new ShadowText[] {fresh, reused}) {
                    if (!shadow.text().equals(plain.text.toString())) {
                        // Single letters were joined: the join pass moves the ranges it was given.
                        continue;
                    }
                    for (int k = 0; k < shadow.length(); k++) {
                        assertThat(new int[] {shadow.originalStart(k), shadow.originalEnd(k)})
                                .as("range of shadow character %d in %s of %s", k, shadow.text(), original)
                                .containsExactly(plain.starts[k], plain.ends[k]);
                    }
                    compared++;
                }
                lazy += asciiOnly ? 1 : 0;
            }
        }
        assertThat(compared).as("shadows compared").isGreaterThan(15_000);
        assertThat(lazy).isGreaterThan(5_000);
    }

    /** The shadow without letter-run joins, written one code point at a time with every range. */
    private static final class Plain {
        final StringBuilder text = new StringBuilder();
        final int[] starts;
        final int[] ends;

        Plain(String original, int from, int to) {
            starts = new int[4 * (to - from) + 2];
            ends = new int[starts.length];
            if (from == 0 || original.charAt(from - 1) == '\n') {
                add('\n', from, from);
            }
            int whitespace = -1;
            boolean newline = false;
            for (int i = from; i < to; ) {
                int cp = original.codePointAt(i);
                int next = i + Character.charCount(cp);
                boolean ascii = cp < 128 && cp != 0x1B;
                if (cp == 0x1B) {
                    next = Math.min(to, Math.max(next, AnsiEscapes.end(original, i, to)));
                } else if (ascii ? " \n\t\r\u000b\u000c".indexOf(cp) >= 0 : Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    whitespace = whitespace < 0 ? i : whitespace;
                    newline |= cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
                } else {
                    String folded = cp < 0x20 || cp == 0x7F ? "" : ascii ? String.valueOf(Character.toLowerCase((char) cp))
                            : CharacterFolding.fold(cp);
                    if (!folded.isEmpty() && whitespace >= 0) {
                        add(newline ? '\n' : ' ', whitespace, i);
                        whitespace = -1;
                        newline = false;
                    }
                    for (int k = 0; k < folded.length(); k++) {
                        add(folded.charAt(k), i, next);
                    }
                }
                i = next;
            }
            if (whitespace >= 0) {
                add(newline ? '\n' : ' ', whitespace, to);
            }
        }

        private void add(char c, int start, int end) {
            starts[text.length()] = start;
            ends[text.length()] = end;
            text.append(c);
        }
    }
}
