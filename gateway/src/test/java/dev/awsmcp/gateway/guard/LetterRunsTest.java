package dev.awsmcp.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link LetterRuns} finds a run exactly where {@link ShadowText} joins one, so the shadow skips its join pass only where
 * it would change nothing: on random plain ASCII texts, against a reference pattern over the whitespace-collapsed text,
 * and against the shadow itself (which differs from that text exactly when letters were joined).
 */
class LetterRunsTest {

    private static final String[] TOKENS = {"a", "b", "i", "x", "z", "I", "ab", "ignore", "all", "0", "42", "'", "s'", " ", " ",
        "  ", "\t", "\n", " \n ", ".", "-", "_", "*", ",", "|", "/", "~", "+", ":", ";", "..", "...", "....", "(", ")", "\"",
        "<", "#", "=", "!"};
    /** Letter-like and separator-like tokens, alternated, so that runs, almost-runs and their breakers are common. */
    private static final String[] LETTERS = {"a", "b", "i", "x", "I", "ab", "0", "'", "a'"};
    private static final String[] SEPARATORS = {" ", " ", ".", "-", "  ", "...", "....", "|", "\n", "(", " \n", "", ":;"};
    /** Four or more single letters, one to three separators between each two ({@link LetterRuns#isSeparator}). */
    private static final Pattern RUN = Pattern.compile("(?<![a-z0-9'])[a-z](?:[ .\\-_*,|/~+:;]{1,3}[a-z]){3,}(?![a-z0-9'])");

    @Test
    void findsARunExactlyWhereTheShadowJoinsLetters() {
        Random random = new Random(3);
        int runs = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = 1 + random.nextInt(16); k > 0; k--) {
                if (n % 2 == 0) {
                    text.append(TOKENS[random.nextInt(TOKENS.length)]);
                } else {
                    text.append(LETTERS[random.nextInt(LETTERS.length)]).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
                }
            }
            String collapsed = collapsed(text.toString());
            int state = LetterRuns.START;
            for (int i = 0; i < collapsed.length(); i++) {
                state = LetterRuns.next(state, LetterRuns.classOf(collapsed.charAt(i)));
            }
            boolean found = LetterRuns.found(state);
            assertThat(found).as("run in %s", collapsed).isEqualTo(RUN.matcher(collapsed).find());
            assertThat(ShadowText.of(text.toString(), 0, text.length()).text().equals(collapsed)).as("shadow of %s", collapsed)
                    .isEqualTo(!found);
            runs += found ? 1 : 0;
        }
        assertThat(runs).as("texts with a run").isGreaterThan(500);
    }

    /** The shadow before joining: a line feed first, lower case, each whitespace run as one line feed (if it breaks a line) or space. */
    private static String collapsed(String text) {
        StringBuilder out = new StringBuilder("\n");
        int i = 0;
        while (i < text.length()) {
            if (" \t\n\r".indexOf(text.charAt(i)) < 0) {
                out.append(Character.toLowerCase(text.charAt(i++)));
                continue;
            }
            boolean newline = false;
            for (; i < text.length() && " \t\n\r".indexOf(text.charAt(i)) >= 0; i++) {
                newline |= text.charAt(i) == '\n' || text.charAt(i) == '\r';
            }
            out.append(newline ? '\n' : ' ');
        }
        return out.toString();
    }
}
