package dev.awsmcp.gateway.guard;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the phrase and marker rules over a shadow text. One keyword pass (Aho-Corasick) finds where a
 * rule could match; then each rule's RE2/J pattern runs there only: anchored at the keyword (or at the
 * line start, for patterns that begin with {@code \n}) when the rule's {@code before} is 0, otherwise in
 * windows around the keyword, merged while they overlap up to a bounded size. Work is linear in the
 * shadow length for a fixed rule set. Immutable and thread-safe.
 */
final class RuleMatcher {

    private static final int MAX_EXCERPT = 80;
    private static final int MAX_LINE_PREFIX = 12;
    private static final int MAX_MERGED_WINDOW = 2048;

    private final List<InjectionRule> rules;
    private final KeywordAutomaton automaton;
    private final int[][] rulesByKeyword;
    private final int[] keywordLengths;
    private final boolean[] keywordStartsWithLetter;
    private final boolean[] lineAnchored;

    RuleMatcher(List<InjectionRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
        lineAnchored = new boolean[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            lineAnchored[r] = rules.get(r).pattern().pattern().startsWith("\\n");
            for (String keyword : rules.get(r).keywords()) {
                byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>()).add(r);
            }
        }
        List<String> keywords = new ArrayList<>(byKeyword.keySet());
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

    /** The rules of every family: overrides and markup. */
    static RuleMatcher standard() {
        List<InjectionRule> all = new ArrayList<>(MarkupRules.rules());
        all.addAll(OverrideRules.rules());
        return new RuleMatcher(all);
    }

    /** {@link #plainAsciiFacts}: the text holds a character other than printable ASCII, tab, line feed, carriage return. */
    static final int NOT_PLAIN_ASCII = 1;
    /** {@link #plainAsciiFacts}: some rule could match in the shadow of some range of the (plain ASCII) text. */
    static final int RULE_MAY_MATCH = 2;
    /** {@link #plainAsciiFacts}: the (plain ASCII) text has a run of base64 characters long enough to be decoded. */
    static final int ENCODED_BLOB = 4;

    /**
     * What one pass over {@code original} tells the detector it may skip (bits above; 0: plain ASCII in which
     * nothing can be found). It stops at the first character that is not plain ASCII; past the first place where
     * a rule could match it only looks for that and for long base64 runs. No rule can match in the
     * shadow of any range of plain ASCII text ({@link ShadowText}) when
     * <ul>
     * <li>no single-letter run can be joined in any range: no four letters follow each other with nothing but
     *     separators and whitespace between each two. That is necessary for a run in the shadow of any range
     *     (chunk borders included, where a word's last letter can look single): plain ASCII folds letters to
     *     letters, and separators and whitespace runs to separators, spaces or line feeds, and drops nothing;
     * <li>so the shadow read without its spaces and line feeds (as the keyword pass reads it) is the original
     *     lower-cased without its whitespace, and no keyword occurs in that;
     * <li>and every rule is matched only where a keyword is.
     * </ul>
     * The encoded-payload scan decodes only runs of at least {@link EncodedPayloadScanner#MIN_BLOB} base64
     * characters (hex digits are base64 characters).
     */
    int plainAsciiFacts(String original) {
        int facts = 0;
        int state = KeywordAutomaton.START;
        int letters = 0;
        boolean gap = false;
        int base64Run = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                gap = letters > 0;
                base64Run = 0;
                continue;
            }
            if (c < 0x20 || c >= 0x7F) {
                return NOT_PLAIN_ASCII;
            }
            base64Run = EncodedPayloadScanner.isBase64(c) ? base64Run + 1 : 0;
            if (base64Run >= EncodedPayloadScanner.MIN_BLOB) {
                facts |= ENCODED_BLOB;
            }
            char folded = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (folded >= 'a' && folded <= 'z') {
                letters = gap ? letters + 1 : 1;
                gap = false;
                if (letters >= ShadowText.MIN_LETTER_RUN) {
                    return RULE_MAY_MATCH | plainAsciiAndBlobs(original, i + 1, base64Run, facts);
                }
            } else if (ShadowText.isSeparator(folded)) {
                gap = letters > 0;
            } else {
                letters = 0;
                gap = false;
            }
            state = automaton.next(state, folded);
            if (automaton.emits(state)) {
                return RULE_MAY_MATCH | plainAsciiAndBlobs(original, i + 1, base64Run, facts);
            }
        }
        return facts;
    }

    /** The rest of {@link #plainAsciiFacts} from {@code from} on, once a rule may match: plain ASCII and long base64 runs. */
    private static int plainAsciiAndBlobs(String original, int from, int base64Run, int facts) {
        for (int i = from; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                base64Run = 0;
            } else if (c < 0x20 || c >= 0x7F) {
                return NOT_PLAIN_ASCII;
            } else {
                base64Run = EncodedPayloadScanner.isBase64(c) ? base64Run + 1 : 0;
                if (base64Run >= EncodedPayloadScanner.MIN_BLOB) {
                    facts |= ENCODED_BLOB;
                }
            }
        }
        return facts;
    }

    /** Adds the findings of every rule in {@code shadow} to {@code out}, with offsets into the original text. */
    void match(ShadowText shadow, List<Finding> out) {
        Windows windows = new Windows(shadow, out);
        int[] lastAnchor = new int[rules.size()];
        Arrays.fill(lastAnchor, -1);
        String text = shadow.text();
        automaton.scan(text, 0, text.length(), (keyword, end) -> {
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
        });
        windows.flushAll();
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
        if (start < end) {
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

    /** Per rule, the window being grown; a window is matched once it can grow no more. */
    private final class Windows {
        private final ShadowText shadow;
        private final List<Finding> out;
        private final int[] starts;
        private final int[] ends;

        Windows(ShadowText shadow, List<Finding> out) {
            this.shadow = shadow;
            this.out = out;
            this.starts = new int[rules.size()];
            this.ends = new int[rules.size()];
            Arrays.fill(starts, -1);
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
            for (int r = 0; r < starts.length; r++) {
                flush(r);
            }
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
}
