package dev.awsmcp.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.awsmcp.gateway.guard.EvaluationCorpora.Labelled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recall per attack family and false-positive rate, on the committed AWS-shaped corpus and on the shared
 * public corpora (BIPIA, NotInject). The normal build runs a subset (each attack in 6 AWS samples or 2
 * BIPIA contexts, at start, middle and end); {@code -Dguard.eval.full=true} inserts every attack into
 * every sample. Tables are printed and written to {@code target/guard-evaluation-*.md}.
 */
class InjectionEvaluationTest {

    private static final boolean FULL = Boolean.getBoolean("guard.eval.full");
    private static final String HIDDEN = "100% (hidden channel)";
    private static final String ROLE = "100% (role marker)";
    private static final String OVERRIDE = ">= 95% (explicit override)";
    private final InjectionDetector detector = new PatternInjectionDetector();

    @Test
    void awsCorpusMeetsTheTargets() throws IOException {
        List<Labelled> benign = EvaluationCorpora.awsBenign();
        List<Labelled> attacks = EvaluationCorpora.awsAttacks();
        EvaluationTally tally = new EvaluationTally();
        for (Labelled sample : benign) {
            List<Finding> findings = detector.scan(sample.text());
            tally.count("benign, any finding (all 450)", !findings.isEmpty());
            tally.count("benign, excluding ANSI colour codes (all 450)",
                    findings.stream().anyMatch(f -> !f.rule().equals("ansi-sgr")));
            tally.count("benign " + sample.label() + ", excluding ANSI colour codes",
                    findings.stream().anyMatch(f -> !f.rule().equals("ansi-sgr")));
        }
        tally.target("benign, excluding ANSI colour codes (all 450)", "<= 1% (false positives)");
        for (int a = 0; a < attacks.size(); a++) {
            for (Map.Entry<String, String> variant : awsVariants(attacks.get(a), a).entrySet()) {
                for (int s : sampleIndexes(a, benign.size(), 6)) {
                    countInsertions(tally, variant.getKey(), benign.get(s).text(), variant.getValue());
                }
            }
        }
        awsTargets(tally);
        String table = tally.markdown("AWS corpus (" + (FULL ? "full" : "subset") + ")");
        publish("aws", table);
        assertThat(tally.rate("benign, excluding ANSI colour codes (all 450)")).isLessThanOrEqualTo(0.01);
        for (String row : List.of("override (explicit)", "override: homoglyphs", "override: fullwidth",
                "override: spaced letters", "override: dotted letters")) {
            assertThat(tally.rate(row)).as(row).isGreaterThanOrEqualTo(0.95);
        }
        for (String row : List.of("role-marker", "exfiltration", "hidden-html", "hidden: tag characters",
                "hidden: zero-width in override", "encoded: base64 of override")) {
            assertThat(tally.rate(row)).as(row).isEqualTo(1.0);
        }
    }

    /**
     * Issue 20's families, each attack alone and inserted into benign AWS samples, and benign lookalikes through the
     * detector and through the whole guard (whose invisible-character floor counts too).
     */
    @Test
    void agentSyntaxAuthorityClaimsAndLinksMeetTheTargets() throws IOException {
        List<Labelled> benign = EvaluationCorpora.awsBenign();
        List<Labelled> attacks = EvaluationCorpora.agenticAttacks();
        EvaluationTally tally = new EvaluationTally();
        ResultGuard guard = new ResultGuard(new SecretRedactor(false), detector);
        GuardContext context = new GuardContext(GuardMode.FLAG, 1 << 20, "eval", "eval", List.of());
        for (Labelled sample : EvaluationCorpora.benignLookalikes()) {
            tally.count("benign lookalikes, detector", !detector.scan(sample.text()).isEmpty());
            tally.count("benign lookalikes, whole guard", !guard.apply(dev.awsmcp.toolset.support.Json.object()
                    .put("value", sample.text()), context).findings().isEmpty());
        }
        tally.target("benign lookalikes, whole guard", "<= 1 in 35");
        for (int a = 0; a < attacks.size(); a++) {
            Labelled attack = attacks.get(a);
            tally.count(attack.label() + ", alone", !detector.scan(attack.text()).isEmpty());
            for (int s : sampleIndexes(a, benign.size(), 6)) {
                countInsertions(tally, attack.label() + ", inserted", benign.get(s).text(), attack.text());
            }
        }
        publish("agentic", tally.markdown("Agent syntax, authority claims, links (" + (FULL ? "full" : "subset") + ")"));
        assertThat(tally.rate("benign lookalikes, whole guard")).isLessThanOrEqualTo(1.0 / 35);
        assertThat(tally.rate("tool-call, alone")).isGreaterThanOrEqualTo(0.9);
        assertThat(tally.rate("authority, alone")).isGreaterThanOrEqualTo(0.9);
        assertThat(tally.rate("exfiltration, alone")).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void publicCorporaRecallAndFalsePositives() throws IOException {
        Path eval = EvaluationCorpora.sharedEvalDir();
        assumeThat(Files.isDirectory(eval.resolve("bipia")))
                .as("shared corpora not found at %s (set -Dguard.eval.dir); skipping BIPIA/NotInject", eval).isTrue();
        Map<String, List<String>> attacks = EvaluationCorpora.bipiaAttacks(eval);
        List<String> contexts = EvaluationCorpora.bipiaContexts(eval);
        EvaluationTally tally = new EvaluationTally();
        EvaluationTally perCategory = new EvaluationTally();
        contexts.forEach(c -> tally.count("clean BIPIA contexts (email, table)", !detector.scan(c).isEmpty()));
        EvaluationCorpora.notInject(eval).forEach(s -> tally.count("NotInject benign sentences",
                !detector.scan(s).isEmpty()));
        int index = 0;
        for (Map.Entry<String, List<String>> category : attacks.entrySet()) {
            for (String instruction : category.getValue()) {
                int a = index++;
                for (int c : sampleIndexes(a, contexts.size(), 2)) {
                    String context = contexts.get(c);
                    countInsertions(perCategory, category.getKey(), context, instruction);
                    countInsertions(tally, "plain instruction (all BIPIA categories)", context, instruction);
                    countInsertions(tally, "explicit override (BIPIA + override wrapper)", context,
                            AttackVariants.override(instruction, a));
                    countInsertions(tally, "hidden: tag characters", context, AttackVariants.tagCharacters(instruction));
                    countInsertions(tally, "hidden: zero-width", context, AttackVariants.zeroWidth(instruction));
                    countInsertions(tally, "hidden: markdown exfiltration", context,
                            AttackVariants.markdownExfiltration(instruction));
                    countInsertions(tally, "role markers", context, AttackVariants.roleMarkers(instruction, a));
                }
            }
        }
        tally.target("explicit override (BIPIA + override wrapper)", OVERRIDE);
        List.of("hidden: tag characters", "hidden: zero-width", "hidden: markdown exfiltration")
                .forEach(r -> tally.target(r, HIDDEN));
        tally.target("role markers", ROLE);
        tally.target("plain instruction (all BIPIA categories)", "none (no marker to match)");
        String mode = FULL ? "full" : "subset";
        publish("public", tally.markdown("BIPIA + NotInject (" + mode + ")") + "\n"
                + perCategory.markdown("BIPIA plain instructions by category (" + mode + ")"));
        assertThat(tally.rate("explicit override (BIPIA + override wrapper)")).isGreaterThanOrEqualTo(0.95);
        for (String row : List.of("hidden: tag characters", "hidden: zero-width", "hidden: markdown exfiltration",
                "role markers")) {
            assertThat(tally.rate(row)).as(row).isEqualTo(1.0);
        }
    }

    private static Map<String, String> awsVariants(Labelled attack, int index) {
        Map<String, String> variants = new java.util.LinkedHashMap<>();
        String text = attack.text();
        switch (attack.label()) {
            case "override" -> {
                variants.put("override (explicit)", text);
                variants.put("override: homoglyphs", AttackVariants.homoglyphs(text));
                variants.put("override: fullwidth", AttackVariants.fullwidth(text));
                variants.put("override: spaced letters", AttackVariants.spaced(text, ' '));
                variants.put("override: dotted letters", AttackVariants.spaced(text, '.'));
                variants.put("hidden: zero-width in override", AttackVariants.zeroWidth(text));
                variants.put("hidden: tag characters", AttackVariants.tagCharacters(text));
                variants.put("encoded: base64 of override", AttackVariants.base64(text));
            }
            case "plain" -> variants.put("plain instruction (no marker)", text);
            default -> variants.put(attack.label(), text);
        }
        return variants;
    }

    private static void awsTargets(EvaluationTally tally) {
        List.of("override (explicit)", "override: homoglyphs", "override: fullwidth", "override: spaced letters",
                "override: dotted letters").forEach(r -> tally.target(r, OVERRIDE));
        List.of("exfiltration", "hidden-html", "hidden: zero-width in override", "hidden: tag characters",
                "encoded: base64 of override").forEach(r -> tally.target(r, HIDDEN));
        tally.target("role-marker", ROLE);
        tally.target("tool-call", "(reported)");
        tally.target("plain instruction (no marker)", "none (no marker to match)");
    }

    /** Inserts the attack at start, middle and end; flagged when a finding overlaps the inserted text. */
    private void countInsertions(EvaluationTally tally, String row, String context, String attack) {
        for (int position = 0; position < 3; position++) {
            AttackVariants.Inserted inserted = AttackVariants.insert(context, attack, position);
            boolean flagged = detector.scan(inserted.text()).stream()
                    .anyMatch(f -> f.start() < inserted.end() && f.end() > inserted.start());
            tally.count(row, flagged);
        }
    }

    /** All indexes in a full run; otherwise {@code subset} indexes spread by the attack's index. */
    private static List<Integer> sampleIndexes(int attack, int size, int subset) {
        List<Integer> indexes = new ArrayList<>();
        int count = FULL ? size : Math.min(subset, size);
        for (int k = 0; k < count; k++) {
            indexes.add(FULL ? k : Math.floorMod(attack * 37 + k * 71, size));
        }
        return indexes;
    }

    private static void publish(String name, String table) throws IOException {
        System.out.println(table);
        Path out = Path.of("target", "guard-evaluation-" + name + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }
}
