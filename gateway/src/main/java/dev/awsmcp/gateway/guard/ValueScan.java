package dev.awsmcp.gateway.guard;

/**
 * One pass over a value that serves the two steps of the guard that read every character: the secret
 * trigger words that occur ({@link #secretRules(String)}) and which of the standard
 * detector's scans can find nothing in it ({@link #detectorFacts()}).
 *
 * <p>The detector facts (0: plain ASCII in which nothing can be found). Texts over
 * {@link PatternInjectionDetector#SHORTCUT_MAX_CHARS} get {@link #NOT_PLAIN_ASCII}: every scan. The pass stops
 * looking at the first character that is not plain ASCII; past the first place where a rule could match it
 * only looks for plain ASCII and long base64 runs. No rule can match in the shadow ({@link ShadowText}) of any
 * range of plain ASCII text when
 * <ul>
 * <li>no single-letter run can be joined in any range: no four letters follow each other with nothing but
 *     separators and whitespace between each two. That is necessary for a run in the shadow of any range
 *     (chunk borders included, where a word's last letter can look single): plain ASCII folds letters to
 *     letters, and separators and whitespace runs to separators, spaces or line feeds, and drops nothing;
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

    private static final KeywordAutomaton SECRETS = SecretRedactor.TRIGGERS;
    private static final KeywordAutomaton RULES = PatternInjectionDetector.RULES.automaton();

    /** Both parts. */
    static ValueScan of(String text) {
        return of(text, true, true);
    }

    /**
     * The secret rules alone: the rules (bits in {@link SecretRedactor#rules()} order) one of whose trigger
     * words occurs in {@code text}, read with the case folding of {@link SecretRule#fold} and without copying
     * the text; a superset, since the automaton also reads across whitespace.
     */
    static int secretRules(String text) {
        return of(text, true, false).secretRules();
    }

    /** The detector facts alone (the detector called on its own, or on decoded text). */
    static int detectorFacts(String text) {
        return of(text, false, true).detectorFacts();
    }

    private static ValueScan of(String text, boolean secrets, boolean detector) {
        int secretState = KeywordAutomaton.START;
        int secretRules = 0;
        boolean plainLive = detector && text.length() <= PatternInjectionDetector.SHORTCUT_MAX_CHARS;
        int facts = plainLive ? 0 : NOT_PLAIN_ASCII;
        boolean rulesLive = plainLive;
        int ruleState = KeywordAutomaton.START;
        int letters = 0;
        boolean gap = false;
        int base64Run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0x0B || c == 0x0C)) {
                if (plainLive && (c == 0x0B || c == 0x0C)) {
                    facts = NOT_PLAIN_ASCII | facts & RULE_MAY_MATCH;
                    plainLive = false;
                    rulesLive = false;
                }
                gap = letters > 0;
                base64Run = 0;
                continue;
            }
            char folded = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 0x80 ? c : c == '\u017F' ? 's' : c == '\u212A' ? 'k' : 0;
            if (secrets) {
                secretState = SECRETS.next(secretState, folded);
                if (SECRETS.emits(secretState)) {
                    for (int keyword : SECRETS.keywordsEndingAt(secretState)) {
                        secretRules |= SecretRedactor.RULES_BY_TRIGGER[keyword];
                    }
                }
            } else if (!plainLive) {
                break;
            }
            if (!plainLive) {
                continue;
            }
            if (c < 0x20 || c >= 0x7F) {
                facts = NOT_PLAIN_ASCII | facts & RULE_MAY_MATCH;
                plainLive = false;
                rulesLive = false;
                continue;
            }
            base64Run = EncodedPayloadScanner.isBase64(c) ? base64Run + 1 : 0;
            if (base64Run >= EncodedPayloadScanner.MIN_BLOB) {
                facts |= ENCODED_BLOB;
            }
            if (!rulesLive) {
                continue;
            }
            if (folded >= 'a' && folded <= 'z') {
                letters = gap ? letters + 1 : 1;
                gap = false;
            } else if (ShadowText.isSeparator(folded)) {
                gap = letters > 0;
            } else {
                letters = 0;
                gap = false;
            }
            ruleState = RULES.next(ruleState, folded);
            if (letters >= ShadowText.MIN_LETTER_RUN || RULES.emits(ruleState)) {
                facts |= RULE_MAY_MATCH;
                rulesLive = false;
            }
        }
        return new ValueScan(secretRules, facts);
    }
}
