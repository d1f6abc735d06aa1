package dev.awsmcp.gateway.guard;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * One phrase or marker rule over the shadow text. The pattern runs only in windows around its
 * keywords ({@code before} shadow characters ahead of the keyword's end, {@code after} past it), so a
 * match is at most {@code before + after} characters long. Patterns are RE2/J (linear time) and are
 * compiled once from constants in this package, never from data.
 *
 * @param family the finding family
 * @param rule the finding rule
 * @param description what the rule found, for the finding detail
 * @param pattern the compiled pattern
 * @param keywords lower-case ASCII keywords without spaces that start a window
 * @param before window size ahead of a keyword's end
 * @param after window size past a keyword's end
 * @param confirm substrings of which one must occur in the window before the pattern runs (a cheap
 *     filter; empty for none)
 */
record InjectionRule(String family, String rule, String description, Pattern pattern, List<String> keywords,
        int before, int after, List<String> confirm) {

    /** Optional whitespace in a pattern spec: {@code ~} stands for {@code [ \n]?}. */
    private static final String OPTIONAL_SPACE = "[ \\n]?";

    InjectionRule {
        keywords = List.copyOf(keywords);
        confirm = List.copyOf(confirm);
    }

    /** This rule, run only where one of {@code substrings} occurs in the window. */
    InjectionRule confirmedBy(String... substrings) {
        return new InjectionRule(family, rule, description, pattern, keywords, before, after, List.of(substrings));
    }

    /** Whether the window passes the cheap filter. */
    boolean confirmed(String window) {
        if (confirm.isEmpty()) {
            return true;
        }
        for (String substring : confirm) {
            if (window.contains(substring)) {
                return true;
            }
        }
        return false;
    }

    /** A rule whose spec uses {@code ~} for optional whitespace (the shadow has single spaces or line feeds). */
    static InjectionRule of(String family, String rule, String description, String spec, int before, int after,
            String... keywords) {
        return new InjectionRule(family, rule, description, Pattern.compile(spec.replace("~", OPTIONAL_SPACE)),
                List.of(keywords), before, after, List.of());
    }
}
