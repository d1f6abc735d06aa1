package dev.awsmcp.gateway.guard;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Applies a team's {@link GuardMode} to one text value: asks the {@link InjectionDetector}, adds the
 * guard's own invisible-character findings, then keeps (flag), defangs (neutralize) or withholds
 * (block) the value. Invisible characters are shown escaped in flag mode and removed otherwise.
 */
final class InjectionSanitizer {

    /** One text value after the mode was applied, with what was found in it (offsets in the text as scanned). */
    record Outcome(String text, List<Finding> findings) {
    }

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?|ftp|data|file):[^\\s\"'‹›()⟦⟧]+");

    private final Supplier<InjectionDetector> detectors;
    /** The detector once {@link #detectors} gave it: one field read per value after that. */
    private volatile InjectionDetector detector;

    /** @param detectors gives the detector (a {@link DeferredInjectionDetector} waits for its build, or throws its failure) */
    InjectionSanitizer(Supplier<InjectionDetector> detectors) {
        this.detectors = detectors;
    }

    private InjectionDetector detector() {
        InjectionDetector known = detector;
        if (known == null) {
            known = detectors.get();
            detector = known;
        }
        return known;
    }

    /**
     * Whether the detector is the standard one, whose findings {@link ValueScan}'s facts predict: a plain ASCII text
     * with facts 0 then has no finding and passes unchanged in every mode.
     */
    boolean usesStandardDetector() {
        return detector() instanceof PatternInjectionDetector;
    }

    Outcome apply(String text, GuardMode mode) {
        return apply(text, mode, PatternInjectionDetector.UNKNOWN_FACTS);
    }

    /** {@link #apply(String, GuardMode)}; the standard detector reuses {@code facts} ({@link ValueScan}) when known. */
    Outcome apply(String text, GuardMode mode, int facts) {
        InjectionDetector detector = detector();
        List<Finding> detected = detector instanceof PatternInjectionDetector standard && facts != PatternInjectionDetector.UNKNOWN_FACTS
                ? standard.scan(text, facts) : detector.scan(text);
        boolean plainAscii = facts != PatternInjectionDetector.UNKNOWN_FACTS && (facts & ValueScan.NOT_PLAIN_ASCII) == 0
                || InvisibleCharacters.isPlainAscii(text);
        if (detected.isEmpty() && plainAscii) {
            // Nothing detected and nothing invisible (the runs below would be empty): the text as it is.
            return new Outcome(text, List.of());
        }
        List<Finding> findings = new ArrayList<>(detected.size() + 2);
        List<int[]> invisibleRanges = new ArrayList<>();
        for (Finding f : detected) {
            if (f.end() > text.length()) {
                throw new IllegalStateException("detector finding " + f.rule() + " ends at " + f.end() + " past the text (" + text.length() + ")");
            }
            findings.add(f);
            if (GuardFinding.INVISIBLE.equals(f.family())) {
                invisibleRanges.add(new int[] {f.start(), f.end()});
            }
        }
        List<Finding> runs = InvisibleCharacters.runs(text, merge(invisibleRanges));
        if (!runs.isEmpty()) {
            findings.addAll(runs);
        }
        if (findings.isEmpty()) {
            return new Outcome(text, List.of());
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        List<Finding> injections = findings.stream().filter(f -> !GuardFinding.INVISIBLE.equals(f.family())).toList();
        String result = switch (mode) {
            case FLAG -> InvisibleCharacters.treat(text, true);
            case NEUTRALIZE -> neutralize(text, injections);
            case BLOCK -> injections.isEmpty() ? InvisibleCharacters.treat(text, false) : withheld(injections);
        };
        return new Outcome(result, findings);
    }

    /** The explanation that replaces a withheld value. */
    static String withheld(List<Finding> injections) {
        Set<String> families = new TreeSet<>();
        injections.forEach(f -> families.add(f.family()));
        return "[withheld: possible prompt injection (" + String.join(", ", families) + "); ask the operator]";
    }

    private static String neutralize(String text, List<Finding> injections) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int copied = 0;
        int i = 0;
        while (i < injections.size()) {
            Finding first = injections.get(i);
            int start = Math.max(first.start(), copied);
            int end = first.end();
            Set<String> families = new TreeSet<>();
            while (i < injections.size() && injections.get(i).start() < Math.max(end, start + 1)) {
                end = Math.max(end, injections.get(i).end());
                families.add(injections.get(i).family());
                i++;
            }
            out.append(InvisibleCharacters.treat(text.substring(copied, start), false));
            out.append(defang(InvisibleCharacters.treat(text.substring(start, end), false), families));
            copied = end;
        }
        return out.append(InvisibleCharacters.treat(text.substring(copied), false)).toString();
    }

    /** Breaks a marker or phrase so it no longer reads as one: brackets swapped, links removed, a visible marker inserted. */
    static String defang(String span, Set<String> families) {
        if (span.isEmpty()) {
            return span;
        }
        if (families.contains("encoded")) {
            return "[encoded payload removed: " + span.length() + " chars]";
        }
        StringBuilder swapped = new StringBuilder(span.length());
        span.codePoints().forEach(cp -> swapped.appendCodePoint(switch (cp) {
            case '<' -> '‹';
            case '>' -> '›';
            case '[' -> '⟦';
            case ']' -> '⟧';
            case '{' -> '⦃';
            case '}' -> '⦄';
            case '|' -> '¦';
            default -> cp;
        }));
        int space = -1;
        for (int k = 0; k < swapped.length(); k++) {
            if (Character.isWhitespace(swapped.charAt(k))) {
                space = k;
                break;
            }
        }
        String marked = space < 0 ? "[defanged]" + swapped : swapped.substring(0, space) + " [defanged]" + swapped.substring(space);
        return LINK.matcher(marked).replaceAll("[link removed]");
    }

    private static List<int[]> merge(List<int[]> ranges) {
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] >= r[0]) {
                merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        return merged;
    }
}
