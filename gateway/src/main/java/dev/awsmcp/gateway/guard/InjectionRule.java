package dev.awsmcp.gateway.guard;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.function.Predicate;

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
 * @param precheck a cheap necessary condition on the window (the text the pattern is about to run on):
 *     the pattern runs only where it answers true, so it must never answer false where the pattern matches
 * @param veto drops a match that the original text shows to be data (a YAML key with nested content), or null
 */
record InjectionRule(String family, String rule, String description, Pattern pattern, List<String> keywords,
        int before, int after, Predicate<String> precheck, Veto veto) {

    /** Reads the original text around a match ({@code shadow} offsets {@code start} to {@code end}) and may drop it. */
    @FunctionalInterface
    interface Veto {
        boolean vetoes(ShadowText shadow, int start, int end);
    }

    /** Optional whitespace in a pattern spec: {@code ~} stands for {@code [ \n]?}. */
    private static final String OPTIONAL_SPACE = "[ \\n]?";

    InjectionRule {
        keywords = List.copyOf(keywords);
    }

    /** This rule, run only where one of {@code substrings} occurs in the window. */
    InjectionRule confirmedBy(String... substrings) {
        String[] required = substrings.clone();
        return prechecked(window -> containsAny(window, required));
    }

    /** This rule, run only where the window holds one substring of every group (each group a necessary condition). */
    InjectionRule confirmedByEach(String[]... groups) {
        String[][] required = groups.clone();
        return prechecked(window -> {
            for (String[] group : required) {
                if (!containsAny(window, group)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Whether {@code window} holds one of {@code substrings}. */
    static boolean containsAny(String window, String[] substrings) {
        for (String substring : substrings) {
            if (window.contains(substring)) {
                return true;
            }
        }
        return false;
    }

    /** This rule, run only where {@code check} (a necessary condition for a match) holds on the window. */
    InjectionRule prechecked(Predicate<String> check) {
        return new InjectionRule(family, rule, description, pattern, keywords, before, after, check, veto);
    }

    /** This rule, its matches dropped where {@code veto} says the original text is data. */
    InjectionRule vetoedBy(Veto check) {
        return new InjectionRule(family, rule, description, pattern, keywords, before, after, precheck, check);
    }

    /** Whether a match from shadow offset {@code start} to {@code end} stands. */
    boolean stands(ShadowText shadow, int start, int end) {
        return veto == null || !veto.vetoes(shadow, start, end);
    }

    /** This rule, run only where its current precheck and {@code check} both hold. */
    InjectionRule andPrechecked(Predicate<String> check) {
        return prechecked(precheck.and(check));
    }

    /** Whether the window passes the cheap filter. */
    boolean confirmed(String window) {
        return precheck.test(window);
    }

    /** A rule whose spec uses {@code ~} for optional whitespace (the shadow has single spaces or line feeds). */
    static InjectionRule of(String family, String rule, String description, String spec, int before, int after,
            String... keywords) {
        return new InjectionRule(family, rule, description, Pattern.compile(spec.replace("~", OPTIONAL_SPACE)),
                List.of(keywords), before, after, window -> true, null);
    }
}
