package dev.awsmcp.gateway.guard;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One redaction rule: a linear-time (RE2/J) pattern whose first participating capture group among
 * {@code groups} is the secret, the kind it reports, and lowercase trigger strings of which one occurs
 * in every match.
 *
 * <p>The pattern never scans the whole text. {@link #forEachMatch} finds the triggers with
 * {@link String#indexOf} in a lowercase copy of the text, drops those that a cheap hand-written
 * {@link Precheck} rules out, and runs the pattern anchored just before each remaining one: from at most
 * {@code before} characters ahead of the trigger (a lazy {@code (?s:.{0,before}?)} prefix picks the
 * leftmost start), or, when {@code before} is {@link #NAME_RUN}, from the start of the run of name
 * characters ({@code [A-Za-z0-9_.-]}) that holds the trigger ({@link #FROM_FIRST_TRIGGER}: see there). Because every match holds a trigger and
 * starts within that reach, the matches are exactly those of a left-to-right {@link Matcher#find()}
 * over the whole text; the anchored attempts see the character before their start, so {@code \b} and
 * {@code ^} read as they do in the whole text. Each attempt stops where the pattern can no longer match.
 *
 * @param kind the reported kind, from the match
 * @param pattern the pattern as written (run over whole texts only by tests)
 * @param anchored the pattern behind a lazy prefix of up to {@code before} characters, anchored
 * @param anchoredAfterContext {@code anchored} behind one more character, the context character
 * @param groups capture groups that may hold the secret, in order of preference
 * @param triggers lowercase strings of which one occurs in every match
 * @param before how far ahead of a trigger's start a match may start, {@link #NAME_RUN} or
 *     {@link #FROM_FIRST_TRIGGER}
 * @param precheck a necessary condition at each trigger (cheaper than the pattern)
 */
record SecretRule(Function<Matcher, String> kind, Pattern pattern, Pattern anchored, Pattern anchoredAfterContext,
        int[] groups, List<String> triggers, int before, Precheck precheck) {

    /** {@code before} for rules whose match starts at the start of the name run holding the trigger. */
    static final int NAME_RUN = -1;
    /**
     * {@code before} for rules whose match starts at its trigger but whose failed attempts could read
     * on without bound ({@code .*?} up to an end marker): one whole-text {@link Matcher#find(int)} from
     * the first trigger that passes the precheck, which stays linear.
     */
    static final int FROM_FIRST_TRIGGER = -2;
    private static final int[] NO_HITS = {};

    /** A cheap necessary condition for a match that holds the trigger at {@code [start, end)} of the lowercase text. */
    @FunctionalInterface
    interface Precheck {
        Precheck NONE = (lower, start, end) -> true;

        boolean mayMatch(String lower, int start, int end);
    }

    /** Receives the matches of a rule: group offsets of {@code m} are shifted by {@code offset}. */
    @FunctionalInterface
    interface MatchSink {
        void match(Matcher m, int offset);
    }

    static SecretRule of(String kind, String regex, int group, int before, Precheck precheck, String... triggers) {
        return of(m -> kind, regex, new int[] {group}, before, precheck, triggers);
    }

    static SecretRule of(Function<Matcher, String> kind, String regex, int[] groups, int before, Precheck precheck,
            String... triggers) {
        if (triggers.length == 0) {
            throw new IllegalArgumentException("a secret rule needs triggers");
        }
        String lead = before < 0 ? "" : "(?s:.{0," + before + "}?)";
        return new SecretRule(kind, Pattern.compile(regex), Pattern.compile(lead + "(?:" + regex + ")"),
                Pattern.compile("(?s:.)" + lead + "(?:" + regex + ")"), groups, List.of(triggers), before, precheck);
    }

    /** Whether any trigger occurs in {@code lower} (see {@link #fold}). */
    boolean triggeredBy(String lower) {
        for (String trigger : triggers) {
            if (lower.contains(trigger)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls {@code sink} for every match in {@code text}, left to right and not overlapping, as
     * {@code pattern().matcher(text).find()} would; {@code lower} is {@link #fold}{@code (text)}.
     */
    void forEachMatch(String text, String lower, MatchSink sink) {
        int[] hits = hits(lower);
        int pos = 0;
        int lastStart = -1;
        Matcher matcher = null;
        for (int k = 0; k < hits.length; k += 2) {
            int hit = hits[k];
            if (hit < pos || !precheck.mayMatch(lower, hit, hits[k + 1])) {
                continue;
            }
            if (before == FROM_FIRST_TRIGGER) {
                findFrom(text, hit, sink);
                return;
            }
            int start = Math.max(pos, before == NAME_RUN ? nameRunStart(lower, hit) : hit - before);
            if (start == lastStart) {
                continue; // same anchored attempt as the last one, which found nothing
            }
            lastStart = start;
            int offset = start == 0 ? 0 : start - 1;
            Pattern p = start == 0 ? anchored : anchoredAfterContext;
            CharSequence view = new Tail(text, offset);
            matcher = matcher == null || matcher.pattern() != p ? p.matcher(view) : matcher.reset(view);
            if (matcher.lookingAt()) {
                sink.match(matcher, offset);
                pos = offset + matcher.end();
            }
        }
    }

    private void findFrom(String text, int start, MatchSink sink) {
        Matcher matcher = pattern.matcher(text);
        if (matcher.find(start)) {
            do {
                sink.match(matcher, 0);
            } while (matcher.find());
        }
    }

    /** Trigger occurrences as (start, end) pairs ordered by start. */
    private int[] hits(String lower) {
        if (!triggeredBy(lower)) {
            return NO_HITS;
        }
        int[] found = new int[16];
        int n = 0;
        for (String trigger : triggers) {
            for (int i = lower.indexOf(trigger); i >= 0; i = lower.indexOf(trigger, i + 1)) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = i;
            }
        }
        int[] starts = Arrays.copyOf(found, n);
        Arrays.sort(starts);
        int[] pairs = new int[2 * n];
        for (int k = 0; k < n; k++) {
            pairs[2 * k] = starts[k];
            pairs[2 * k + 1] = starts[k] + longestTriggerAt(lower, starts[k]);
        }
        return pairs;
    }

    private int longestTriggerAt(String lower, int start) {
        int longest = 0;
        for (String trigger : triggers) {
            if (trigger.length() > longest && lower.startsWith(trigger, start)) {
                longest = trigger.length();
            }
        }
        return longest;
    }

    private static int nameRunStart(String lower, int hit) {
        int i = hit;
        while (i > 0 && isNameChar(lower.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** {@code [A-Za-z0-9_.-]} of the folded text, as {@code (?i)} reads it. */
    static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /**
     * The text with ASCII letters in lower case and the two non-ASCII letters that {@code (?i)} folds to
     * ASCII ({@code U+017F} long s, {@code U+212A} Kelvin sign) replaced by theirs; same length and offsets.
     */
    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = foldChar(c);
            if (f != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = f;
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static char foldChar(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\u017F' ? 's' : c == '\u212A' ? 'k' : c;
    }

    /** The capture group holding the secret in the current match, or -1. */
    int secretGroup(Matcher m) {
        for (int g : groups) {
            if (m.start(g) >= 0) {
                return g;
            }
        }
        return -1;
    }

    /** The lowercase text of group {@code g} of {@code m}, for kinds that depend on a scheme or parameter name. */
    static String lower(Matcher m, int g) {
        String s = m.group(g);
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** The text from {@code offset} on, without copying it. */
    private record Tail(String text, int offset) implements CharSequence {
        @Override
        public int length() {
            return text.length() - offset;
        }

        @Override
        public char charAt(int index) {
            return text.charAt(offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(offset + start, offset + end);
        }

        @Override
        public String toString() {
            return text.substring(offset);
        }
    }
}
