package dev.awsmcp.gateway.guard.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into the windows the semantic detector classifies: sentences and lines, packed in order into
 * windows of at most {@link #MAX_CHARS} characters (a sentence longer than that is cut at a space). An
 * instruction hidden in a long document then fills most of one window instead of a sliver of the whole text,
 * and the embedding model reads about 50 word pieces at a time (the size the head was chosen for on held-back data:
 * 200 characters caught more held-back attacks than 300 or 400 at the same false-positive rate). Linear, no regular
 * expression.
 */
public final class TextWindows {

    /** The longest window, in characters. */
    public static final int MAX_CHARS = 200;
    /** Windows shorter than this are joined with the next sentence when they can be. */
    private static final int MIN_CHARS = 60;

    private TextWindows() {
    }

    /** One window: {@code text[start, end)}. */
    public record Window(int start, int end) {
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    /** The windows of {@code text}, in order, covering every non-blank character. */
    public static List<Window> of(String text) {
        List<Window> windows = new ArrayList<>();
        int start = skipBlank(text, 0);
        int end = start;
        while (end < text.length()) {
            int sentence = sentenceEnd(text, end);
            if (sentence - start > MAX_CHARS && end > start) {
                start = flush(text, start, end, windows);
                end = start;
                continue;
            }
            while (sentence - start > MAX_CHARS) {
                start = flush(text, start, cutAtSpace(text, start, start + MAX_CHARS), windows);
            }
            end = sentence;
            if (end - start >= MIN_CHARS && isParagraphEnd(text, end)) {
                start = flush(text, start, end, windows);
                end = start;
            }
        }
        flush(text, start, text.length(), windows);
        return windows;
    }

    /** Adds {@code text[start, end)} without trailing blanks, if any is left; returns where the next window starts. */
    private static int flush(String text, int start, int end, List<Window> windows) {
        int trimmed = trimEnd(text, start, end);
        if (trimmed > start) {
            windows.add(new Window(start, trimmed));
        }
        return skipBlank(text, end);
    }

    /** End (exclusive) of the sentence or line that starts at {@code i}: past {@code . ! ?} and a space, or past a line break. */
    private static int sentenceEnd(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            i++;
            if (c == '\n') {
                return i;
            }
            if ((c == '.' || c == '!' || c == '?') && (i >= text.length() || Character.isWhitespace(text.charAt(i)))) {
                return i;
            }
        }
        return i;
    }

    /** A blank line (or the end) follows: a window should not run across paragraphs once it is long enough. */
    private static boolean isParagraphEnd(String text, int i) {
        int j = i;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
            j++;
        }
        return j >= text.length() || text.charAt(j) == '\n' || i > 0 && text.charAt(i - 1) == '\n';
    }

    private static int cutAtSpace(String text, int start, int limit) {
        for (int k = limit; k > start + MAX_CHARS / 2; k--) {
            if (Character.isWhitespace(text.charAt(k - 1))) {
                return k;
            }
        }
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private static int skipBlank(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
