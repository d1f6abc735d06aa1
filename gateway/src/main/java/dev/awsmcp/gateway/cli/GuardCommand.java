package dev.awsmcp.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.gateway.guard.InjectionDetectors;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import dev.awsmcp.gateway.guard.SemanticMode;
import dev.awsmcp.gateway.guard.SemanticScreen;
import dev.awsmcp.gateway.guard.SemanticVerdicts;
import dev.awsmcp.gateway.guard.semantic.ClassificationHead;
import dev.awsmcp.gateway.guard.semantic.SemanticDetector;
import dev.awsmcp.gateway.config.SemanticConfig;
import dev.awsmcp.toolset.api.ToolResult;
import java.time.Duration;
import java.time.Instant;
import dev.awsmcp.gateway.policy.PolicyFile;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code guard [--policy FILE]}: runs the result guard over a payload on stdin (a JSON value, or
 * plain text guarded as {@code {"text": ...}}) with the injection mode, semantic mode and byte budget of
 * a team policy file, and prints the guarded result and the findings as JSON, so operators can try a
 * policy on real data. Exit 0; 2 when stdin is not readable UTF-8 or the policy file is invalid.
 */
@Command(name = "guard", mixinStandardHelpOptions = true,
        description = "Guard a result on stdin (redact secrets, handle injection, bound size) and print it with the findings.")
final class GuardCommand implements Callable<Integer> {

    /** How long the command waits for the semantic detector (its model loads first). */
    private static final Duration SEMANTIC_WAIT = Duration.ofMinutes(2);
    /** The most stdin the command reads. */
    private static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", description = "A team policy file; its guard.injection, guard.semantic and limits.maxResultBytes "
            + "apply. Default: flag, off, 65536 bytes.")
    Path policy;

    @Option(names = "--tool", defaultValue = "guard", description = "Tool name to show as the source. Default: ${DEFAULT-VALUE}.")
    String tool;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GuardContext context;
        JsonNode payload;
        try {
            context = context();
            payload = payload(read());
        } catch (ConfigException | IOException e) {
            err.println("guard: " + e.getMessage());
            err.flush();
            return 2;
        }
        GuardedResult result;
        try (SemanticScreen semantic = new SemanticScreen(new SemanticDetector(ClassificationHead.standard(), 1),
                SemanticConfig.DEFAULT_MIN_CHARS, SemanticConfig.DEFAULT_MAX_CHARS, 1, 1)) {
            ResultGuard guard = new ResultGuard(new SecretRedactor(true), InjectionDetectors.installed(), semantic);
            GuardContext screened = guard.screen(ToolResult.success(payload), context, Instant.now().plus(SEMANTIC_WAIT))
                    .toCompletableFuture().join();
            result = guard.apply(payload, screened);
        }
        ObjectNode report = Json.object();
        report.set("guarded", result.json());
        ArrayNode findings = report.putArray("findings");
        result.findings().forEach(f -> findings.addObject().put("family", f.family()).put("rule", f.rule()).put("path", f.path())
                .put("detail", f.detail()));
        report.put("bytes_before", result.bytesBefore());
        report.put("bytes_after", result.bytesAfter());
        report.put("truncated", result.truncated());
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        return 0;
    }

    private GuardContext context() {
        GuardMode mode = GuardMode.FLAG;
        SemanticMode semantic = SemanticMode.OFF;
        int budget = GuardContext.DEFAULT_MAX_RESULT_BYTES;
        if (policy != null) {
            ConfigLoader yaml = new ConfigLoader(name -> null);
            PolicyFile file = yaml.bind(yaml.read(policy), PolicyFile.class, policy);
            if (file.guard() != null && file.guard().injection() != null) {
                mode = GuardMode.parse(file.guard().injection()).orElseThrow(() -> new ConfigException(policy
                        + ": guard.injection: '" + file.guard().injection() + "' is not one of flag, neutralize, block"));
            }
            if (file.guard() != null && file.guard().semantic() != null) {
                semantic = SemanticMode.parse(file.guard().semantic()).orElseThrow(() -> new ConfigException(policy
                        + ": guard.semantic: '" + file.guard().semantic() + "' is not one of off, flag, block"));
            }
            if (file.limits() != null && file.limits().maxResultBytes() != null) {
                if (file.limits().maxResultBytes() < 1) {
                    throw new ConfigException(policy + ": limits.maxResultBytes: must be at least 1");
                }
                budget = file.limits().maxResultBytes();
            }
        }
        return new GuardContext(mode, budget, "cli", tool, List.of(), semantic, SemanticVerdicts.NONE);
    }

    private String read() throws IOException {
        InputStream in = System.in;
        byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new IOException("stdin is larger than " + MAX_INPUT_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("stdin is not valid UTF-8", e);
        }
    }

    /** JSON when the input parses as JSON, else the text itself as {@code {"text": ...}}. */
    private static JsonNode payload(String input) {
        String trimmed = input.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"")) {
            try {
                return Json.mapper().readTree(trimmed);
            } catch (JsonProcessingException e) {
                // Not JSON after all: guard it as text.
            }
        }
        ObjectNode text = Json.object();
        text.set("text", TextNode.valueOf(input));
        return text;
    }
}
