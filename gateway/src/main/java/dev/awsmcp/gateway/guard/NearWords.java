package dev.awsmcp.gateway.guard;

/**
 * A precheck ({@link InjectionRule#prechecked}) for rules that need two words close together in a certain order:
 * "instructions ... were changed", "supersedes ... instructions". It looks for a stem of the first list followed,
 * within a reach, by a stem of the second with only allowed characters between them, with {@link String#indexOf}
 * on the window (shadow text: lower case, one space or line feed between words). A rule's regular expression then
 * runs only where such a pair is, instead of wherever both words occur anywhere in the window: RE2/J costs tens of
 * microseconds per window, and operator prose ("override the default timeout ... the previous instructions still
 * apply") has both words often but close together seldom. Necessary conditions only: a {@code NearWords} must hold
 * wherever the rule matches (the reach counts the gap the pattern allows plus the parts of the phrases around the
 * stems); {@code RulePrechecksTest} checks that on random windows.
 */
final class NearWords {

    /** Which characters may stand between the two stems. */
    enum Gap {
        /** Anything but the sentence ends {@code . ! ?} (line feeds are allowed: a phrase may wrap). */
        SENTENCE,
        /** Only words: letters, apostrophes, spaces and line feeds. */
        WORDS
    }

    /**
     * A stem, and the words of which one must stand right before it (one optional space or line feed between),
     * or none: {@code apply} counts only after {@code not} or {@code n't} ("do not apply"), {@code longer} only after
     * {@code no}.
     */
    record Stem(String text, String... after) {

        static Stem[] of(String... texts) {
            Stem[] stems = new Stem[texts.length];
            for (int i = 0; i < texts.length; i++) {
                stems[i] = new Stem(texts[i]);
            }
            return stems;
        }

        /** Whether the occurrence at {@code at} has one of the words it needs before it. */
        boolean standsAt(String w, int at) {
            if (after.length == 0) {
                return true;
            }
            int end = at > 0 && (w.charAt(at - 1) == ' ' || w.charAt(at - 1) == '\n') ? at - 1 : at;
            for (String word : after) {
                if (end >= word.length() && w.startsWith(word, end - word.length())) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Stem[] first;
    /** The second stems by their first character (ASCII; stems start with a letter). */
    private final Stem[][] secondByFirstChar = new Stem[128][];
    private final int reach;
    private final Gap gap;

    /**
     * @param reach most characters from the end of a first stem to the start of a second one
     */
    NearWords(Stem[] first, Stem[] second, int reach, Gap gap) {
        this.first = first.clone();
        for (Stem stem : second) {
            char c = stem.text().charAt(0);
            Stem[] bucket = secondByFirstChar[c] == null ? new Stem[0] : secondByFirstChar[c];
            bucket = java.util.Arrays.copyOf(bucket, bucket.length + 1);
            bucket[bucket.length - 1] = stem;
            secondByFirstChar[c] = bucket;
        }
        this.reach = reach;
        this.gap = gap;
    }

    /** Whether a stem of the first list is followed by one of the second within reach in {@code w}. */
    boolean test(String w) {
        for (Stem a : first) {
            for (int i = w.indexOf(a.text()); i >= 0; i = w.indexOf(a.text(), i + 1)) {
                if (a.standsAt(w, i) && secondFollows(w, i + a.text().length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A second stem starts within reach of {@code from}, with only allowed characters before it. */
    private boolean secondFollows(String w, int from) {
        int limit = Math.min(w.length(), from + reach);
        for (int i = from; i < limit; i++) {
            char c = w.charAt(i);
            Stem[] bucket = c < 128 ? secondByFirstChar[c] : null;
            if (bucket != null) {
                for (Stem b : bucket) {
                    if (w.startsWith(b.text(), i) && b.standsAt(w, i)) {
                        return true;
                    }
                }
            }
            if (!allowed(c)) {
                // A stem may start here (its first character is a letter and so allowed), not after.
                return false;
            }
        }
        return false;
    }

    private boolean allowed(char c) {
        return gap == Gap.SENTENCE ? c != '.' && c != '!' && c != '?'
                : c >= 'a' && c <= 'z' || c == ' ' || c == '\n' || c == '\'';
    }
}
