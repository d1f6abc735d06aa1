package dev.awsmcp.gateway.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The pattern-based {@link InjectionDetector}. It reports invisible and control characters found in the
 * original text, runs the phrase and marker rules over a normalized shadow copy (NFKC, case folding,
 * confusable skeleton, invisible characters dropped, separators collapsed) and maps their hits back to
 * the original offsets, and decodes base64 and hex blobs to rescan them (two levels deep, bounded work).
 *
 * <p>Long text is processed in chunks of 32 Ki characters that overlap by 4 Ki, so a match of up to
 * 4 Ki characters is found wherever it lies; findings of one rule that overlap are merged. Matching is
 * linear time (a keyword automaton and RE2/J), patterns are compiled once from constants, and an
 * instance has no mutable state: it is safe to share between threads.
 *
 * <p>Text first gets one pass ({@link ValueScan}, or the guard's) that tells which scans can find nothing in it: in
 * plain ASCII the invisible-character scan never can; in plain ASCII of one chunk (most AWS values), the shadow copy
 * and rule matching cannot without a rule keyword (or a joinable single-letter run), the blob scan cannot without a
 * long base64 run.
 */
public final class PatternInjectionDetector implements InjectionDetector {

    static final int DEFAULT_CHUNK = 32 * 1024;
    static final int DEFAULT_OVERLAP = 4 * 1024;
    private static final int LEFT_CONTEXT = 64;
    /**
     * Longer texts go straight to the full scans: nearly every long text holds a rule keyword somewhere, so the
     * shortcut's pass would mostly be read in addition (the 64 KiB log batch as one text: 588 against 549 µs).
     */
    static final int SHORTCUT_MAX_CHARS = 32 * 1024;
    /** {@link #scan(String, int)}: the facts are not known yet. */
    static final int UNKNOWN_FACTS = -1;
    private static final int MAX_DEPTH = 2;
    private static final int MIN_DECODE_BUDGET = 256 * 1024;
    static final RuleMatcher RULES = RuleMatcher.standard();
    private static final Comparator<Finding> BY_RULE_AND_POSITION = Comparator.comparing(Finding::family)
            .thenComparing(Finding::rule).thenComparingInt(Finding::start).thenComparingInt(Finding::end);
    private static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end).thenComparing(Finding::family).thenComparing(Finding::rule);

    private final InvisibleCharacterScanner invisible = new InvisibleCharacterScanner();
    private final EncodedPayloadScanner encoded = new EncodedPayloadScanner();
    private final int chunkSize;
    private final int overlap;
    private final boolean plainAsciiShortcut;

    /** A detector with the default chunking. */
    public PatternInjectionDetector() {
        this(DEFAULT_CHUNK, DEFAULT_OVERLAP);
    }

    /** A detector with the given chunking; tests use small chunks to exercise chunk borders. */
    PatternInjectionDetector(int chunkSize, int overlap) {
        this(chunkSize, overlap, true);
    }

    /**
     * @param plainAsciiShortcut skip, for plain ASCII text, the scans that can find nothing in it
     *     ({@link ValueScan}); off only in the test that shows it changes no finding
     */
    PatternInjectionDetector(int chunkSize, int overlap, boolean plainAsciiShortcut) {
        if (chunkSize <= 0 || overlap < 0) {
            throw new IllegalArgumentException("chunk size must be positive and overlap not negative");
        }
        this.chunkSize = chunkSize;
        this.overlap = overlap;
        this.plainAsciiShortcut = plainAsciiShortcut;
    }

    @Override
    public List<Finding> scan(String text) {
        return scan(text, UNKNOWN_FACTS);
    }

    /** {@link #scan(String)} with the detector facts of {@code text} ({@link ValueScan#detectorFacts()}) already known, or {@link #UNKNOWN_FACTS}. */
    List<Finding> scan(String text, int facts) {
        Objects.requireNonNull(text, "text");
        EncodedPayloadScanner.Budget budget =
                new EncodedPayloadScanner.Budget(Math.max(MIN_DECODE_BUDGET, 2 * text.length()));
        return scan(text, 0, budget, facts);
    }

    private List<Finding> scan(String text, int depth, EncodedPayloadScanner.Budget budget) {
        return scan(text, depth, budget, UNKNOWN_FACTS);
    }

    private List<Finding> scan(String text, int depth, EncodedPayloadScanner.Budget budget, int knownFacts) {
        List<Finding> found = new ArrayList<>();
        // Plain ASCII (printable, tabs, line breaks) holds no invisible or control character; most of it (AWS
        // text without a rule keyword or a long base64 run) holds no place where a rule or a blob could be found.
        int facts = !plainAsciiShortcut ? ValueScan.NOT_PLAIN_ASCII
                : knownFacts != UNKNOWN_FACTS ? knownFacts : ValueScan.detectorFacts(text);
        if (text.length() > Math.min(SHORTCUT_MAX_CHARS, chunkSize)) {
            // Where a rule or a blob may be is said of the text as one range: not of the chunks of a longer one. Whether
            // it is plain ASCII holds at any length.
            facts |= ValueScan.RULE_MAY_MATCH | ValueScan.ENCODED_BLOB;
        }
        if ((facts & ValueScan.NOT_PLAIN_ASCII) != 0) {
            invisible.scan(text, found);
        }
        if ((facts & (ValueScan.NOT_PLAIN_ASCII | ValueScan.RULE_MAY_MATCH)) != 0) {
            for (int start = 0; start < text.length(); start += chunkSize) {
                int from = Math.max(0, start - LEFT_CONTEXT);
                int to = (int) Math.min(text.length(), (long) start + chunkSize + overlap);
                // Each chunk's shadow is done with before the next is made: they share this thread's scratch arrays.
                RULES.match(text, from, to, found);
            }
        }
        if (depth < MAX_DEPTH && (facts & (ValueScan.NOT_PLAIN_ASCII | ValueScan.ENCODED_BLOB)) != 0) {
            encoded.scan(text, budget, decoded -> scan(decoded, depth + 1, budget), found);
        }
        return mergeOverlapping(found);
    }

    /** One finding per rule and stretch of text: chunk overlaps and merged windows can report a match twice. */
    private static List<Finding> mergeOverlapping(List<Finding> found) {
        if (found.size() < 2) {
            return found;
        }
        found.sort(BY_RULE_AND_POSITION);
        List<Finding> merged = new ArrayList<>(found.size());
        Finding current = found.get(0);
        for (int i = 1; i < found.size(); i++) {
            Finding next = found.get(i);
            boolean sameRule = next.family().equals(current.family()) && next.rule().equals(current.rule());
            if (sameRule && next.start() < current.end()) {
                current = new Finding(current.family(), current.rule(), current.start(),
                        Math.max(current.end(), next.end()), current.detail());
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        merged.sort(BY_POSITION);
        return merged;
    }
}
