package dev.awsmcp.gateway.guard;

import java.util.List;

/**
 * Vetoes for rules whose words also occur in operator prose: a match stands only when its sentence (the
 * shadow text from the last {@code . ! ?} or line break before it to the next one after it, at most 240
 * characters each way) holds one of a list of words. Words are matched whole (letters around them end the word).
 */
final class SentenceContext {

    private static final int REACH = 240;

    /** Words that make a sentence speak to or about the model that reads it. */
    static final List<String> READER = List.of("you", "your", "yours", "you're", "you've", "yourself", "assistant", "assistants",
            "ai", "a.i.", "llm", "llms", "chatbot", "copilot", "gpt", "claude", "gemini", "system prompt", "language model",
            "agents", "agent's", "agents'", "model's", "the model", "the user", "above", "automated", "instead");
    /** Words that place a change in time or give it authority ("as of today", "henceforth"). */
    static final List<String> CHANGE_MARKER = List.of("now", "henceforth", "from this point", "as of", "effective", "immediately",
            "reassigned", "new", "changed", "updated", "today", "hereby", "no longer", "instead");

    private SentenceContext() {
    }

    /** A veto: the match does not stand unless its sentence holds one of {@code words}. */
    static InjectionRule.Veto unlessSentenceHolds(List<String> words) {
        return (shadow, start, end) -> !sentenceHolds(shadow.text(), start, end, words);
    }

    static boolean sentenceHolds(String text, int start, int end, List<String> words) {
        int from = start;
        while (from > 0 && start - from < REACH && !isSentenceEnd(text.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < text.length() && to - end < REACH && !isSentenceEnd(text.charAt(to))) {
            to++;
        }
        for (String word : words) {
            for (int at = text.indexOf(word, from); at >= 0 && at + word.length() <= to; at = text.indexOf(word, at + 1)) {
                if (!isLetter(text, at - 1) && !isLetter(text, at + word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n';
    }

    private static boolean isLetter(String text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) >= 'a' && text.charAt(i) <= 'z';
    }
}
