package dev.awsmcp.gateway.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-written stand-in for the real injection detector: finds "ignore previous instructions"
 * (override), {@code <|im_start|>} (role-marker), markdown images {@code ![..](http..)} (exfiltration)
 * and zero-width spaces (invisible). Enough to drive every mode of the guard.
 */
public final class TrivialDetector implements InjectionDetector {

    @Override
    public List<Finding> scan(String text) {
        List<Finding> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        every(lower, "ignore previous instructions", (s, e) -> found.add(new Finding("override", "ignore-previous", s, e,
                "instruction override phrase")));
        every(text, "<|im_start|>", (s, e) -> found.add(new Finding("role-marker", "chat-template-token", s, e, "ChatML token")));
        every(text, "\u200b", (s, e) -> found.add(new Finding("invisible", "zero-width", s, e, "zero-width space")));
        for (int at = text.indexOf("!["); at >= 0; at = text.indexOf("![", at + 2)) {
            int open = text.indexOf("](http", at);
            int close = open < 0 ? -1 : text.indexOf(')', open);
            if (close > 0) {
                found.add(new Finding("exfiltration", "markdown-image", at, close + 1, "markdown image with a remote URL"));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Finding::start));
        return found;
    }

    private static void every(String text, String needle, java.util.function.BiConsumer<Integer, Integer> hit) {
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            hit.accept(at, at + needle.length());
        }
    }
}
