package dev.awsmcp.gateway.guard;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the phrase and marker rules over a shadow text. One keyword pass (Aho-Corasick, done while the shadow is
 * written when the matcher makes it) finds where a rule could match; then each rule's RE2/J pattern runs there only: anchored at the keyword (or at the
 * line start, for patterns that begin with {@code \n}) when the rule's {@code before} is 0, otherwise in
 * windows around the keyword, merged while they overlap up to a bounded size. Work is linear in the
 * shadow length for a fixed rule set. Immutable and thread-safe.
 */
final class RuleMatcher {

    private static final int MAX_EXCERPT = 80;
    private static final int MAX_LINE_PREFIX = 12;
    private static final int MAX_MERGED_WINDOW = 2048;

    private final List<InjectionRule> rules;
    private final ThreadLocal<Scratch> scratches;
    private final KeywordAutomaton automaton;
    private final List<String> keywords;

    /** The keyword automaton (lower-case ASCII keywords of every rule). */
    KeywordAutomaton automaton() {
        return automaton;
    }

    /** The keywords of every rule, in the automaton's order. */
    List<String> keywords() {
        return keywords;
    }
    private final int[][] rulesByKeyword;
    private final int[] keywordLengths;
    private final boolean[] keywordStartsWithLetter;
    private final boolean[] lineAnchored;

    RuleMatcher(List<InjectionRule> rules) {
        this.rules = List.copyOf(rules);
        this.scratches = ThreadLocal.withInitial(() -> new Scratch(rules.size()));
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        lineAnchored = new boolean[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            lineAnchored[r] = rules.get(r).pattern().pattern().startsWith("\\n");
            for (String keyword : rules.get(r).keywords()) {
                byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>()).add(r);
            }
        }
        List<String> keywords = List.copyOf(byKeyword.keySet());
        this.keywords = keywords;
        this.automaton = new KeywordAutomaton(keywords);
        this.rulesByKeyword = new int[keywords.size()][];
        this.keywordLengths = new int[keywords.size()];
        this.keywordStartsWithLetter = new boolean[keywords.size()];
        for (int k = 0; k < keywords.size(); k++) {
            rulesByKeyword[k] = byKeyword.get(keywords.get(k)).stream().mapToInt(Integer::intValue).toArray();
            keywordLengths[k] = keywords.get(k).length();
            keywordStartsWithLetter[k] = Character.isLetterOrDigit(keywords.get(k).charAt(0));
        }
    }

    /** The rules of every family: markup, tool calls, exfiltration, overrides and authority claims. */
    static RuleMatcher standard() {
        return new RuleMatcher(standardRules());
    }

    /** Every rule the standard detector runs. */
    static List<InjectionRule> standardRules() {
        List<InjectionRule> all = new ArrayList<>(MarkupRules.rules());
        all.addAll(ToolCallRules.rules());
        all.addAll(ExfiltrationRules.rules());
        all.addAll(OverrideRules.rules());
        all.addAll(AuthorityClaimRules.rules());
        return all;
    }

    /**
     * {@link #match} on the shadow of {@code text[from, to)}, written into this thread's scratch arrays ({@link
     * ShadowText#reusing}) with the keyword scan done as it is written.
     */
    void match(String text, int from, int to, List<Finding> out) {
        match(ShadowText.reusing(text, from, to, automaton), out);
    }

    /** Adds the findings of every rule in {@code shadow} to {@code out}, with offsets into the original text. */
    void match(ShadowText shadow, List<Finding> out) {
        Windows windows = new Windows(shadow, out);
        try {
            match(shadow, windows, out);
            windows.flushAll();
        } finally {
            windows.reset();
        }
    }

    private void match(ShadowText shadow, Windows windows, List<Finding> out) {
        String text = shadow.text();
        int[] lastAnchor = windows.lastAnchors();
        KeywordAutomaton.HitSink hits = (keyword, end) -> {
            for (int r : rulesByKeyword[keyword]) {
                windows.touch(r);
            }
            int start = keywordStart(text, end, keywordLengths[keyword]);
            boolean wordStart = !keywordStartsWithLetter[keyword] || start == 0 || !isWordChar(text.charAt(start - 1));
            for (int r : rulesByKeyword[keyword]) {
                InjectionRule rule = rules.get(r);
                if (lineAnchored[r]) {
                    int lineStart = lineStart(text, start);
                    if (lineStart >= 0 && lineStart != lastAnchor[r]) {
                        lastAnchor[r] = lineStart;
                        matchAnchored(rule, shadow, lineStart, out);
                    }
                } else if (rule.before() == 0) {
                    if (wordStart && start != lastAnchor[r]) {
                        lastAnchor[r] = start;
                        matchAnchored(rule, shadow, start, out);
                    }
                } else {
                    windows.add(r, Math.max(0, start - rule.before()), Math.min(text.length(), end + rule.after()));
                }
            }
        };
        if (!shadow.replayKeywordHits(automaton, hits)) {
            automaton.scan(text, 0, text.length(), hits);
        }
    }

    private void matchAnchored(InjectionRule rule, ShadowText shadow, int start, List<Finding> out) {
        int end = Math.min(shadow.length(), start + rule.after() + MAX_LINE_PREFIX);
        String window = shadow.text().substring(start, end);
        if (!rule.confirmed(window)) {
            return;
        }
        Matcher matcher = rule.pattern().matcher(window);
        if (matcher.lookingAt()) {
            report(rule, shadow, start, start + matcher.end(), out);
        }
    }

    private static void report(InjectionRule rule, ShadowText shadow, int start, int end, List<Finding> out) {
        String text = shadow.text();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start < end && rule.stands(shadow, start, end)) {
            String detail = rule.description() + ": " + Excerpts.quote(text.substring(start, end), MAX_EXCERPT);
            out.add(new Finding(rule.family(), rule.rule(), shadow.originalStart(start),
                    shadow.originalEnd(end - 1), detail));
        }
    }

    /** Start of the keyword that ends at {@code end}: the automaton skips spaces and line feeds. */
    private static int keywordStart(String shadow, int end, int keywordLength) {
        int i = end;
        for (int seen = 0; seen < keywordLength && i > 0; ) {
            i--;
            seen += shadow.charAt(i) == ' ' || shadow.charAt(i) == '\n' ? 0 : 1;
        }
        return i;
    }

    /** The line feed before {@code start} when only [ >#*_-] stand between them, else -1. */
    private static int lineStart(String shadow, int start) {
        for (int i = start - 1, steps = 0; i >= 0 && steps < MAX_LINE_PREFIX; i--, steps++) {
            char c = shadow.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (c != ' ' && c != '>' && c != '#' && c != '*' && c != '_' && c != '-') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * Per rule, the window being grown (a window is matched once it can grow no more) and the last anchored attempt.
     * The per-rule arrays are this thread's scratch, reset after each text for the rules it touched only: most texts
     * touch one or two of some fifty rules.
     */
    private final class Windows {
        private final ShadowText shadow;
        private final List<Finding> out;
        private final Scratch scratch;
        private final int[] lastAnchor;
        private final int[] starts;
        private final int[] ends;

        Windows(ShadowText shadow, List<Finding> out) {
            this.shadow = shadow;
            this.out = out;
            this.scratch = scratches.get();
            this.lastAnchor = scratch.lastAnchor;
            this.starts = scratch.starts;
            this.ends = scratch.ends;
        }

        /** Per rule, the last anchored attempt's start (-1: none). */
        int[] lastAnchors() {
            return lastAnchor;
        }

        /** Notes that {@code rule} has state to reset. */
        void touch(int rule) {
            scratch.touch(rule);
        }

        void add(int rule, int start, int end) {
            if (starts[rule] >= 0 && start <= ends[rule]
                    && Math.max(ends[rule], end) - Math.min(starts[rule], start) <= MAX_MERGED_WINDOW) {
                starts[rule] = Math.min(starts[rule], start);
                ends[rule] = Math.max(ends[rule], end);
                return;
            }
            flush(rule);
            starts[rule] = start;
            ends[rule] = end;
        }

        void flushAll() {
            for (int k = 0; k < scratch.touched; k++) {
                flush(scratch.touchedRules[k]);
            }
        }

        /** Leaves the scratch as it was found (also when a rule threw). */
        void reset() {
            for (int k = 0; k < scratch.touched; k++) {
                int r = scratch.touchedRules[k];
                starts[r] = -1;
                lastAnchor[r] = -1;
                scratch.isTouched[r] = false;
            }
            scratch.touched = 0;
        }

        private void flush(int r) {
            if (starts[r] < 0) {
                return;
            }
            InjectionRule rule = rules.get(r);
            int offset = starts[r];
            String window = shadow.text().substring(offset, ends[r]);
            if (rule.confirmed(window)) {
                Matcher matcher = rule.pattern().matcher(window);
                while (matcher.find()) {
                    report(rule, shadow, offset + matcher.start(), offset + matcher.end(), out);
                }
            }
            starts[r] = -1;
        }
    }

    /** Per-rule state of one thread's matching, all -1 (and untouched) between texts. */
    private static final class Scratch {
        final int[] lastAnchor;
        final int[] starts;
        final int[] ends;
        final boolean[] isTouched;
        final int[] touchedRules;
        int touched;

        Scratch(int rules) {
            lastAnchor = new int[rules];
            starts = new int[rules];
            ends = new int[rules];
            isTouched = new boolean[rules];
            touchedRules = new int[rules];
            Arrays.fill(lastAnchor, -1);
            Arrays.fill(starts, -1);
        }

        void touch(int rule) {
            if (!isTouched[rule]) {
                isTouched[rule] = true;
                touchedRules[touched++] = rule;
            }
        }
    }
}
