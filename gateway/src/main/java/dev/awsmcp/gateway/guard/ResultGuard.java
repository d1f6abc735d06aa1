package dev.awsmcp.gateway.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.JsonSize;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one check every tool result passes before it leaves the gateway. In order: secrets are redacted
 * in every string value and field name ({@link SecretRedactor}), so that a later cut never halves a
 * secret; injection findings of the pluggable {@link InjectionDetector} are handled per the team's
 * {@link GuardMode}, and invisible characters never pass invisibly; then the result is bounded to the
 * team's byte budget ({@link ResultLimiter}) and wrapped in the untrusted-data envelope. Every finding
 * carries the JSON path of its value. The guard throws on any internal failure; callers must then
 * answer with an error, never with the unguarded payload. Thread-safe.
 *
 * <p>Teams that turn the semantic detector on ({@code guard.semantic}) get one more, asynchronous step first:
 * {@link #screen} runs it on the result's free text off the caller's thread, and its verdicts ride in the
 * {@link GuardContext} into {@link #apply}, which reports them (family {@code semantic}) and, in block mode,
 * withholds the texts they name.
 */
public final class ResultGuard {

    /** Findings details are cut to this many characters. */
    private static final int MAX_DETAIL_CHARS = 200;
    /** Clean values up to this length are remembered for the rest of the walk (names always are). */
    private static final int MAX_REMEMBERED_VALUE_CHARS = 128;

    private final SecretRedactor redactor;
    private final InjectionSanitizer sanitizer;
    private final SemanticScreen semantic;
    private final ResultLimiter limiter = new ResultLimiter();
    private final UntrustedEnvelope envelope = new UntrustedEnvelope();

    /**
     * @param redactor the secret redactor
     * @param detector the prompt-injection detector; must be linear-time and thread-safe
     */
    public ResultGuard(SecretRedactor redactor, InjectionDetector detector) {
        this(redactor, detector, null);
    }

    /**
     * @param redactor the secret redactor
     * @param detector the prompt-injection detector; must be linear-time and thread-safe
     * @param semantic the semantic screen for teams that turn it on, or null when the gateway has none
     */
    public ResultGuard(SecretRedactor redactor, InjectionDetector detector, SemanticScreen semantic) {
        this(redactor, constant(Objects.requireNonNull(detector, "detector")), semantic);
    }

    /**
     * @param redactor the secret redactor
     * @param detectors the prompt-injection detector, asked for each value: a {@link DeferredInjectionDetector} built
     *     off the startup path (its first results wait for the build)
     * @param semantic the semantic screen for teams that turn it on, or null when the gateway has none
     */
    public ResultGuard(SecretRedactor redactor, java.util.function.Supplier<InjectionDetector> detectors, SemanticScreen semantic) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.sanitizer = new InjectionSanitizer(Objects.requireNonNull(detectors, "detectors"));
        this.semantic = semantic;
    }

    private static java.util.function.Supplier<InjectionDetector> constant(InjectionDetector detector) {
        return () -> detector;
    }

    /**
     * The semantic step: when the team's {@link SemanticMode} is not off, screens the result's free text on the
     * semantic pool before {@code deadline} and answers {@code context} with the verdicts; otherwise (or for a
     * failure) {@code context} at once. Never completes exceptionally.
     */
    public CompletionStage<GuardContext> screen(ToolResult result, GuardContext context, Instant deadline) {
        if (context.semantic() == SemanticMode.OFF || !(result instanceof ToolResult.Success)) {
            return CompletableFuture.completedFuture(context);
        }
        if (semantic == null) {
            // Fail closed: a team asked for the detector and this guard has none.
            return CompletableFuture.completedFuture(context.withVerdicts(new SemanticVerdicts(Map.of())));
        }
        return semantic.screen(semantic.candidates(result), deadline).thenApply(context::withVerdicts);
    }

    /**
     * Guards one result. {@code result} is not modified; a non-object is guarded as {@code {"result": ...}}.
     *
     * @throws RuntimeException when the guard cannot check the result; the payload must then be withheld
     */
    public GuardedResult apply(JsonNode result, GuardContext context) {
        ObjectNode object = result.isObject() ? (ObjectNode) result : wrap(result);
        Walk walk = new Walk(context);
        ObjectNode guarded = (ObjectNode) walk(object, JsonPaths.Lazy.ROOT_PATH, walk);
        List<GuardFinding> findings = walk.findings;
        if (walk.minimumBytes > context.maxResultBytes()) {
            // Its strings alone exceed the budget, so it is cut anyway: it is not written whole just to learn its size
            // (the cut measures it, as JsonSize#of, which counts what writeBytes writes). The input's size is the
            // guarded one's plus what the walk's replacements took away.
            ResultLimiter.Limited limited = limiter.cut(guarded, context.maxResultBytes());
            return envelope(limited, limited.bytesBefore() + walk.bytesRemoved, context, findings);
        }
        if (guarded == object) {
            // The walk returns the input itself when it changed nothing (most results): its JSON, written once,
            // is the envelope's text when it fits, and its length is the size ({@link JsonSize#of} counts the same).
            byte[] written = writeBytes(object);
            if (written.length <= context.maxResultBytes()) {
                return envelope(object, written, context, findings, written.length, written.length, false);
            }
            return envelope(limiter.limit(object, context.maxResultBytes(), written.length), written.length, context, findings);
        }
        // Changed: the guarded JSON, written once, is the envelope's text when it fits; the input's size is that plus
        // what the walk's replacements took away (the tree is otherwise the same), so the input is not measured again.
        byte[] written = writeBytes(guarded);
        long before = written.length + walk.bytesRemoved;
        if (written.length <= context.maxResultBytes()) {
            return envelope(guarded, written, context, findings, before, written.length, false);
        }
        return envelope(limiter.limit(guarded, context.maxResultBytes(), written.length), before, context, findings);
    }

    /** The envelope of a limited result; {@code before}: the size of the result as it came (before any change). */
    private GuardedResult envelope(ResultLimiter.Limited limited, long before, GuardContext context, List<GuardFinding> findings) {
        return envelope(limited.json(), writeBytes(limited.json()), context, findings, before, limited.bytesAfter(),
                limited.truncated());
    }

    /**
     * {@code json}, {@code written} once: the envelope's text, and the bytes the response's {@code structuredContent} is
     * written as ({@link WrittenJson}).
     */
    private GuardedResult envelope(ObjectNode json, byte[] written, GuardContext context, List<GuardFinding> findings,
            long before, long after, boolean truncated) {
        String text = new String(written, StandardCharsets.UTF_8);
        String boundary = envelope.boundaryFor(text);
        return new GuardedResult(WrittenJson.of(json, written), UntrustedEnvelope.wrap(text, boundary, context), boundary, findings,
                before, after, truncated);
    }

    /**
     * Guards a plain text that is not a result object (a tool's failure message quoting AWS): secrets
     * redacted and injection handled as in a string value at {@code path}; no size limit, no envelope.
     */
    public String applyToText(String text, String path, GuardMode mode, List<GuardFinding> findings) {
        return guardString(text, new JsonPaths.Lazy(path), mode, SemanticVerdicts.NONE, SemanticMode.OFF, findings);
    }

    /** {@link #applyToText(String, String, GuardMode, List)} for a text part of a result, with its semantic verdicts. */
    public String applyToText(String text, String path, GuardContext context, List<GuardFinding> findings) {
        return guardString(text, new JsonPaths.Lazy(path), context.mode(), context.verdicts(), context.semantic(), findings);
    }

    /**
     * One walk over a result: the mode, the findings so far, and the texts already found clean (no
     * finding, unchanged) that needed more than the guard's first pass to say so, which are not checked again: the same
     * field names repeat in every item, event and row, and so do short values (log stream names, states, types). The
     * guard of a text is a pure function of the text and the mode, the same for a name and a value, so this changes no
     * outcome.
     */
    private static final class Walk {
        final GuardMode mode;
        final SemanticMode semantic;
        final SemanticVerdicts verdicts;
        final List<GuardFinding> findings = new ArrayList<>();
        final Set<String> cleanTexts = new HashSet<>();
        /** Field names known to be (true) or not to be (false) named like a secret ({@link SecretRedactor#isSecretName}). */
        final Map<String, Boolean> secretNames = new HashMap<>();
        /** JSON bytes the replaced names and values had more than their replacements (the size of the input, less the output's). */
        long bytesRemoved;
        /** A lower bound of the guarded result's JSON size: the characters of its names and string values, with their quotes. */
        long minimumBytes;

        Walk(GuardContext context) {
            this.mode = context.mode();
            this.semantic = context.semantic();
            this.verdicts = context.verdicts();
        }

        /**
         * {@code text} guarded at {@code path} (its name's path when {@code name}); remembered when clean, it needed the
         * whole guard, and it is a name or a short value.
         */
        String guard(ResultGuard guard, String text, JsonPaths.Lazy path, boolean name) {
            // Names repeat in every item and are looked up first; values are mostly new, and the first pass is cheaper
            // than hashing them.
            if (name && cleanTexts.contains(text)) {
                return text;
            }
            ValueScan scan = ValueScan.of(text);
            if (guard.cleanAtFirstSight(scan) && !verdicts.byText().containsKey(text)) {
                if (name) {
                    cleanTexts.add(text);
                }
                return text;
            }
            boolean remember = name || text.length() <= MAX_REMEMBERED_VALUE_CHARS;
            if (!name && remember && cleanTexts.contains(text)) {
                return text;
            }
            int before = findings.size();
            String guarded = guard.guardString(text, scan, name ? path.key() : path, mode, verdicts, semantic, findings);
            if (remember && findings.size() == before && guarded.equals(text)) {
                cleanTexts.add(text);
            }
            if (!guarded.equals(text)) {
                bytesRemoved += JsonSize.string(text) - JsonSize.string(guarded);
            }
            return guarded;
        }
    }

    private static ObjectNode wrap(JsonNode value) {
        ObjectNode object = Json.object();
        object.set("result", value);
        return object;
    }

    /**
     * The guarded copy of {@code node}, or {@code node} itself when nothing in it changed (containers are
     * copied from their first changed member on; paths are made into text only for findings).
     */
    private JsonNode walk(JsonNode node, JsonPaths.Lazy path, Walk walk) {
        if (node.isTextual()) {
            String text = node.textValue();
            String guarded = walk.guard(this, text, path, false);
            walk.minimumBytes += guarded.length() + 2;
            return guarded.equals(text) ? node : TextNode.valueOf(guarded);
        }
        if (node.isArray()) {
            ArrayNode out = null;
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                JsonNode guarded = walk(element, path.index(i), walk);
                if (out == null && guarded != element) {
                    out = Json.mapper().createArrayNode();
                    for (int k = 0; k < i; k++) {
                        out.add(node.get(k));
                    }
                }
                if (out != null) {
                    out.add(guarded);
                }
            }
            return out == null ? node : out;
        }
        if (node.isObject()) {
            ObjectNode out = null;
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonPaths.Lazy fieldPath = path.field(field.getKey());
                String name = guardName(field.getKey(), fieldPath, walk);
                walk.minimumBytes += name.length() + 3;
                JsonNode value = walkField(field.getKey(), field.getValue(), fieldPath, walk);
                if (out == null && (value != field.getValue() || !name.equals(field.getKey()))) {
                    out = copyUntil(node, field.getKey());
                }
                if (out != null) {
                    String key = unique(out, name);
                    if (!key.equals(name)) {
                        walk.bytesRemoved += JsonSize.string(name) - JsonSize.string(key);
                    }
                    out.set(key, value);
                }
            }
            return out == null ? node : out;
        }
        return node;
    }

    /** The fields of {@code node} before {@code stop}, unchanged: their names are distinct, so none needs a suffix. */
    private static ObjectNode copyUntil(JsonNode node, String stop) {
        ObjectNode out = Json.object();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals(stop)) {
                break;
            }
            out.set(field.getKey(), field.getValue());
        }
        return out;
    }

    private String guardName(String name, JsonPaths.Lazy fieldPath, Walk walk) {
        return walk.guard(this, name, fieldPath, true);
    }

    /** A string under a secret-ish field name ({@code "password": "..."}) is redacted whole. */
    private JsonNode walkField(String name, JsonNode value, JsonPaths.Lazy path, Walk walk) {
        if (value.isTextual() && SecretRedactor.mayBeSecretName(name) && walk.secretNames.computeIfAbsent(name, SecretRedactor::isSecretName)) {
            Optional<String> marker = redactor.redactField(name, value.textValue());
            if (marker.isPresent()) {
                walk.findings.add(new GuardFinding(GuardFinding.SECRET, "secret-field", path.toString(),
                        "redacted the value of a field named like a secret (" + value.textValue().length() + " chars)"));
                walk.bytesRemoved += JsonSize.string(value.textValue()) - JsonSize.string(marker.get());
                return TextNode.valueOf(marker.get());
            }
        }
        return walk(value, path, walk);
    }

    /**
     * Whether the first pass over a text ({@link ValueScan}) already shows that the guard leaves it as it is and finds
     * nothing: plain ASCII without a secret trigger word and without anything the standard detector could find.
     */
    private boolean cleanAtFirstSight(ValueScan scan) {
        return scan.secretRules() == 0 && scan.detectorFacts() == 0 && sanitizer.usesStandardDetector();
    }

    private String guardString(String original, JsonPaths.Lazy path, GuardMode mode, SemanticVerdicts verdicts, SemanticMode semanticMode,
            List<GuardFinding> findings) {
        return guardString(original, ValueScan.of(original), path, mode, verdicts, semanticMode, findings);
    }

    private String guardString(String original, ValueScan scan, JsonPaths.Lazy path, GuardMode mode, SemanticVerdicts verdicts,
            SemanticMode semanticMode, List<GuardFinding> findings) {
        String guarded = guardString(original, scan, path, mode, findings);
        Optional<SemanticVerdicts.Verdict> verdict = verdicts.of(original);
        if (verdict.isEmpty()) {
            return guarded;
        }
        findings.add(SemanticVerdicts.finding(verdict.get(), original, path.toString()));
        return semanticMode == SemanticMode.BLOCK ? SemanticVerdicts.WITHHELD : guarded;
    }

    private String guardString(String original, ValueScan scan, JsonPaths.Lazy path, GuardMode mode, List<GuardFinding> findings) {
        // One pass over the value ({@code scan}) feeds both steps (secret trigger words, and what the detector may skip).
        // Colour codes in log lines are formatting: removed quietly; the scan already read the value without them.
        String value = (scan.detectorFacts() & ValueScan.COLOURS) == 0 ? original : AnsiEscapes.withoutColours(original);
        SecretRedactor.Redaction redaction = redactor.redact(value, scan.secretRules(),
                (scan.detectorFacts() & ValueScan.NOT_PLAIN_ASCII) == 0);
        for (Finding f : redaction.findings()) {
            findings.add(new GuardFinding(f.family(), f.rule(), path.toString(), f.detail()));
        }
        // Facts of the value hold for the text the detector gets only when redaction changed nothing.
        InjectionSanitizer.Outcome outcome = sanitizer.apply(redaction.text(), mode,
                redaction.text() == value ? scan.detectorFacts() : PatternInjectionDetector.UNKNOWN_FACTS);
        for (Finding f : outcome.findings()) {
            findings.add(new GuardFinding(f.family(), f.rule(), path.toString(), safeDetail(f.detail())));
        }
        return outcome.text();
    }

    /** Details come from the detector and may quote the text: bounded, invisible characters shown. */
    private static String safeDetail(String detail) {
        String cut = detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) + "..." : detail;
        return InvisibleCharacters.treat(cut, true);
    }

    /** Guarded field names can collide ({@code [withheld: ...]} twice): later ones get a suffix. */
    private static String unique(ObjectNode object, String key) {
        if (!object.has(key)) {
            return key;
        }
        int n = 2;
        while (object.has(key + " (" + n + ")")) {
            n++;
        }
        return key + " (" + n + ")";
    }

    /** {@code json} as UTF-8 bytes that {@link JsonSize#of} measures exactly. */
    private static byte[] writeBytes(ObjectNode json) {
        try {
            return Json.utf8Writer().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("guarded result cannot be written as JSON", e);
        }
    }
}
