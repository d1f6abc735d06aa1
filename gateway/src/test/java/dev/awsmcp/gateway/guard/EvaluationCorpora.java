package dev.awsmcp.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the evaluation corpora: the committed AWS-shaped corpus and the shared public ones (also for the semantic head's trainer). */
public final class EvaluationCorpora {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EvaluationCorpora() {
    }

    /** A labelled text: a benign sample's source, or an attack's category. */
    record Labelled(String label, String text) {
    }

    static List<Labelled> awsBenign() {
        return resourceLines("/guard-eval/aws-benign.jsonl", "source");
    }

    static List<Labelled> awsAttacks() {
        return resourceLines("/guard-eval/aws-attacks.jsonl", "category");
    }

    /** Fake tool calls in agent-framework syntaxes, authority-claim overrides and link exfiltration (issue 20). */
    static List<Labelled> agenticAttacks() {
        return resourceLines("/guard-eval/aws-attacks-agentic.jsonl", "category");
    }

    /** Benign operational text shaped like those attacks: YAML role keys, coloured logs, emoji, tool schemas, links. */
    static List<Labelled> benignLookalikes() {
        return resourceLines("/guard-eval/aws-benign-lookalikes.jsonl", "source");
    }

    /**
     * The shared corpora folder: {@code -Dguard.eval.dir}, else the first {@code shared/eval} beside the
     * repository root (the directory holding the parent pom) or beside one of its parents, found from the
     * working directory.
     */
    static Path sharedEvalDir() {
        String configured = System.getProperty("guard.eval.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("gateway/pom.xml")) && Files.exists(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        for (Path parent = dir == null ? null : dir.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.isDirectory(parent.resolve("shared").resolve("eval"))) {
                return parent.resolve("shared").resolve("eval");
            }
        }
        return Path.of("../shared/eval");
    }

    /** BIPIA attacks by "text: category" / "code: category", test and train splits together. */
    static Map<String, List<String>> bipiaAttacks(Path eval) {
        Map<String, List<String>> attacks = new LinkedHashMap<>();
        for (String kind : List.of("text", "code")) {
            for (String split : List.of("test", "train")) {
                bipiaAttacks(eval, kind, split, attacks);
            }
        }
        return attacks;
    }

    /** BIPIA attacks of one split ({@code train} or {@code test}), text then code, by "text: category" / "code: category". */
    public static Map<String, List<String>> bipiaAttacks(Path eval, String split) {
        Map<String, List<String>> attacks = new LinkedHashMap<>();
        for (String kind : List.of("text", "code")) {
            bipiaAttacks(eval, kind, split, attacks);
        }
        return attacks;
    }

    private static void bipiaAttacks(Path eval, String kind, String split, Map<String, List<String>> attacks) {
        JsonNode root = readJson(eval.resolve("bipia/" + kind + "_attack_" + split + ".json"));
        root.fields().forEachRemaining(e -> e.getValue().forEach(a ->
                attacks.computeIfAbsent(kind + ": " + e.getKey(), k -> new ArrayList<>()).add(a.asText())));
    }

    /** BIPIA's clean contexts: the email ones, then the table ones. */
    public static List<String> bipiaContexts(Path eval) {
        List<String> contexts = new ArrayList<>();
        for (String file : List.of("bipia/email/test.jsonl", "bipia/table/test.jsonl")) {
            for (String line : readLines(eval.resolve(file))) {
                contexts.add(parse(line).get("context").asText());
            }
        }
        return contexts;
    }

    /** NotInject's benign sentences, files one, two, three in order. */
    public static List<String> notInject(Path eval) {
        List<String> sentences = new ArrayList<>();
        for (String file : List.of("NotInject_one.json", "NotInject_two.json", "NotInject_three.json")) {
            readJson(eval.resolve("notinject").resolve(file)).forEach(n -> sentences.add(n.get("prompt").asText()));
        }
        return sentences;
    }

    private static List<Labelled> resourceLines(String resource, String labelField) {
        return resourceJson(resource.substring("/guard-eval/".length())).stream()
                .map(node -> new Labelled(node.get(labelField).asText(), node.get("text").asText())).toList();
    }

    /** The JSON lines of a committed corpus file in {@code guard-eval/}, e.g. {@code aws-benign.jsonl}. */
    public static List<JsonNode> resourceJson(String name) {
        try (InputStream in = EvaluationCorpora.class.getResourceAsStream("/guard-eval/" + name)) {
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(parse(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
