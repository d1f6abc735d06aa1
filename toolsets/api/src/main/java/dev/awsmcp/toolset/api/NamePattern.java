package dev.awsmcp.toolset.api;

import java.util.Objects;

/**
 * A pattern from a policy file: literal characters and {@code *}, which matches any run of characters
 * (including none and including {@code /}). Matching is exact-case and linear in practice; the text
 * matched is data, never compiled into a pattern.
 *
 * @param pattern the pattern as written; never empty
 */
public record NamePattern(String pattern) {

    public NamePattern {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("pattern must not be empty");
        }
    }

    /** True when the whole of {@code text} matches. */
    public boolean matches(String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * True when every string starting with {@code prefix} matches: the pattern is a literal followed by
     * one trailing {@code *} and the prefix starts with that literal. Patterns with an inner {@code *}
     * cannot promise that and never cover a prefix.
     */
    public boolean coversPrefix(String prefix) {
        int star = pattern.indexOf('*');
        if (star != pattern.length() - 1) {
            return false;
        }
        return prefix.startsWith(pattern.substring(0, star));
    }

    @Override
    public String toString() {
        return pattern;
    }
}
