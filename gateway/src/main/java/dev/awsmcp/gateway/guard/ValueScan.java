package dev.awsmcp.gateway.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a value that serves the two steps of the guard that read every character: the secret
 * trigger words that occur ({@link #secretRules(String)}) and which of the standard
 * detector's scans can find nothing in it ({@link #detectorFacts()}).
 *
 * <p>The detector facts (0: plain ASCII in which nothing can be found). {@link #NOT_PLAIN_ASCII} is exact at any
 * length; texts over {@link PatternInjectionDetector#SHORTCUT_MAX_CHARS} get {@link #RULE_MAY_MATCH} and
 * {@link #ENCODED_BLOB} without looking. The pass stops looking at the first character that is not plain ASCII; past
 * the first place where a rule could match it only looks for plain ASCII and long base64 runs. No rule can match in the shadow ({@link ShadowText}) of the
 * whole plain ASCII text (the detector uses the facts only for a text it reads as one range) when
 * <ul>
 * <li>no single-letter run is joined ({@link LetterRuns}): plain ASCII folds letters to letters, and separators to
 *     themselves and whitespace runs to one space or line feed (read here as a space, which can only find more runs),
 *     and drops nothing;
 * <li>so the shadow read without its spaces and line feeds (as the keyword pass reads it) is the original
 *     lower-cased without its whitespace, and no keyword occurs in that;
 * <li>and every rule is matched only where a keyword is ({@link RuleMatcher}).
 * </ul>
 * The blob scan decodes only runs of at least {@link EncodedPayloadScanner#MIN_BLOB} base64 characters
 * (hex digits are base64 characters). Plain ASCII holds no invisible or control character.
 *
 * @param secretRules rules whose trigger words occur (0 when not asked for)
 * @param detectorFacts what the detector may skip (bits below)
 */
record ValueScan(int secretRules, int detectorFacts) {

    /** The text holds a character other than printable ASCII, tab, line feed, carriage return: every scan. */
    static final int NOT_PLAIN_ASCII = 1;
    /** Some rule could match in the shadow of some range of the (plain ASCII) text. */
    static final int RULE_MAY_MATCH = 2;
    /** The (plain ASCII) text has a run of base64 characters long enough to be decoded. */
    static final int ENCODED_BLOB = 4;
    /**
     * The guard's pass only ({@link #of(String)}): the text holds ANSI colour codes (SGR), which the guard removes; every
     * other fact and the secret rules are then those of the text without them ({@link AnsiEscapes#withoutColours}).
     */
    static final int COLOURS = 8;

    /**
     * The secret trigger words and the rule keywords in one automaton, so the pass reads one table per character;
     * it reports the same occurrences of each word as two automata would.
     */
    private static final KeywordAutomaton KEYWORDS;
    /** Per state of {@link #KEYWORDS}: the secret rules whose triggers end there, and {@link #RULE_KEYWORD}. */
    private static final int[] OUTPUT;
    /** The tables of {@link #KEYWORDS}, as constants of the passes' loops. */
    private static final char[] TRANSITIONS;
    private static final int SHIFT;
    /** In {@link #OUTPUT}: a rule keyword ends here. */
    private static final int RULE_KEYWORD = 1 << 31;

    /** Kinds of ASCII characters, one table read per character. */
    private static final byte[] KIND = new byte[128];
    private static final int WHITESPACE = 1;
    /** Controls: not plain ASCII (with whitespace: vertical tab and form feed). */
    private static final int CONTROL = 2;
    private static final int BASE64 = 4;
    /** Bits of the {@link LetterRuns} class of the character. */
    private static final int RUN_CLASS_SHIFT = 3;
    /** Per ASCII character, the {@link #KEYWORDS} class of its fold. */
    private static final byte[] KEYWORD_CLASS;

    static {
        List<String> triggers = SecretRedactor.TRIGGER_WORDS;
        List<String> words = new ArrayList<>(triggers);
        words.addAll(PatternInjectionDetector.RULES.keywords());
        KEYWORDS = new KeywordAutomaton(words);
        TRANSITIONS = KEYWORDS.transitions();
        KEYWORD_CLASS = KEYWORDS.foldedClasses();
        SHIFT = KEYWORDS.shift();
        OUTPUT = KEYWORDS.outputs(k -> k < triggers.size() ? SecretRedactor.RULES_BY_TRIGGER[k] : RULE_KEYWORD);
        for (char c = 0; c < 128; c++) {
            int kind = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0x0B || c == 0x0C ? WHITESPACE : 0;
            kind |= c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7F ? CONTROL : 0;
            kind |= EncodedPayloadScanner.isBase64(c) ? BASE64 : 0;
            kind |= LetterRuns.classOf(Character.toLowerCase(c)) << RUN_CLASS_SHIFT;
            KIND[c] = (byte) kind;
        }
    }

    /**
     * Both parts, as the guard needs them: of the text without its colour codes ({@link #COLOURS}), so a coloured log
     * line is read once.
     */
    static ValueScan of(String text) {
        return of(text, true, true, true);
    }

    /**
     * The secret rules alone: the rules (bits in {@link SecretRedactor#rules()} order) one of whose trigger
     * words occurs in {@code text}, read with the case folding of {@link SecretRule#fold} and without copying
     * the text; a superset, since the automaton also reads across whitespace.
     */
    static int secretRules(String text) {
        return of(text, true, false, false).secretRules();
    }

    /** The detector facts alone (the detector called on its own, or on decoded text). */
    static int detectorFacts(String text) {
        return of(text, false, true, false).detectorFacts();
    }

    private static ValueScan of(String text, boolean secrets, boolean detector, boolean withoutColours) {
        return text.length() <= PatternInjectionDetector.SHORTCUT_MAX_CHARS ? ofShort(text, secrets, detector, withoutColours)
                : ofLong(text, secrets, detector, withoutColours);
    }

    /** A text the detector's shortcut may skip: every fact is exact. */
    private static ValueScan ofShort(String text, boolean secrets, boolean detector, boolean withoutColours) {
        int state = KeywordAutomaton.START;
        int secretRules = 0;
        boolean plainLive = detector;
        int facts = !detector ? NOT_PLAIN_ASCII : 0;
        boolean rulesLive = plainLive;
        int runs = LetterRuns.START;
        boolean whitespace = false;
        int base64Run = 0;
        int colours = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int colourEnd = c == 0x1B && withoutColours ? AnsiEscapes.sgrEnd(text, i) : 0;
            if (colourEnd > 0) {
                // Read as the guard's text without it: the characters around it are neighbours.
                colours = COLOURS;
                i = colourEnd - 1;
                continue;
            }
            int kind = c < 128 ? KIND[c] : CONTROL;
            if ((kind & WHITESPACE) != 0) {
                if (plainLive && (kind & CONTROL) != 0) {
                    facts = NOT_PLAIN_ASCII | facts & RULE_MAY_MATCH;
                    plainLive = false;
                    rulesLive = false;
                }
                if (rulesLive && !whitespace) {
                    // A whitespace run is one space (or line feed) in the shadow.
                    runs = LetterRuns.next(runs, LetterRuns.SEPARATOR);
                }
                whitespace = true;
                base64Run = 0;
                continue;
            }
            whitespace = false;
            if (!secrets && !plainLive) {
                break;
            }
            int out = 0;
            if (secrets || rulesLive) {
                state = TRANSITIONS[state << SHIFT | keywordClass(c)];
                out = OUTPUT[state];
                secretRules |= out & ~RULE_KEYWORD;
            }
            if (!plainLive) {
                continue;
            }
            if ((kind & CONTROL) != 0) {
                facts = NOT_PLAIN_ASCII | facts & RULE_MAY_MATCH;
                plainLive = false;
                rulesLive = false;
                continue;
            }
            base64Run = (kind & BASE64) != 0 ? base64Run + 1 : 0;
            if (base64Run >= EncodedPayloadScanner.MIN_BLOB) {
                facts |= ENCODED_BLOB;
            }
            if (!rulesLive) {
                continue;
            }
            runs = LetterRuns.next(runs, kind >>> RUN_CLASS_SHIFT);
            if (out < 0) {
                facts |= RULE_MAY_MATCH;
                rulesLive = false;
            }
        }
        if (rulesLive && LetterRuns.found(runs)) {
            facts |= RULE_MAY_MATCH;
        }
        return new ValueScan(secrets ? secretRules : 0, facts | colours);
    }

    /**
     * A text past the shortcut's reach: where a rule or a blob may be is assumed (the detector reads it in chunks), so
     * the pass reads only what holds at any length: plain ASCII, colours and the secret trigger words.
     */
    private static ValueScan ofLong(String text, boolean secrets, boolean detector, boolean withoutColours) {
        int state = KeywordAutomaton.START;
        int secretRules = 0;
        boolean plainLive = detector;
        int facts = !detector ? NOT_PLAIN_ASCII : RULE_MAY_MATCH | ENCODED_BLOB;
        int colours = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int colourEnd = c == 0x1B && withoutColours ? AnsiEscapes.sgrEnd(text, i) : 0;
            if (colourEnd > 0) {
                colours = COLOURS;
                i = colourEnd - 1;
                continue;
            }
            int kind = c < 128 ? KIND[c] : CONTROL;
            if (plainLive && (kind & CONTROL) != 0) {
                facts |= NOT_PLAIN_ASCII;
                plainLive = false;
                if (!secrets) {
                    break;
                }
            }
            if ((kind & WHITESPACE) != 0 || !secrets) {
                continue;
            }
            state = TRANSITIONS[state << SHIFT | keywordClass(c)];
            secretRules |= OUTPUT[state] & ~RULE_KEYWORD;
        }
        return new ValueScan(secrets ? secretRules : 0, facts | colours);
    }

    /**
     * The {@link #KEYWORDS} class of {@code c} folded as SecretRule.fold folds: ASCII letters to lower case, the long s and
     * the Kelvin sign to s and k.
     */
    private static int keywordClass(char c) {
        return c < 128 ? KEYWORD_CLASS[c] : c == '\u017F' ? KEYWORDS.classOf('s') : c == '\u212A' ? KEYWORDS.classOf('k') : 0;
    }
}
