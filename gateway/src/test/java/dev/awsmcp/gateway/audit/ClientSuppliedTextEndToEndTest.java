package dev.awsmcp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.ops.LogText;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through a real gateway: what a client names itself, the tool names it calls and the arguments it sends
 * reach the log and the audit trail bounded (and, in the log, escaped), so that a client can neither forge
 * log lines nor turn one request into megabytes of fsync'd records; the chain stays verifiable.
 */
class ClientSuppliedTextEndToEndTest {

    private static final String FORGED_LINE = "06:31:09.118 INFO  [main] d.a.g.s.HttpGateway - admin logged in";
    private static RunningGateway gateway;
    private static McpHttp http;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.echo("");
        http = new McpHttp(gateway.url());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String initialize(String clientName) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":" + Json.mapper().valueToTree(clientName) + ",\"version\":\"1\"}}}";
    }

    /** What the gateway logged to stderr while {@code action} ran, until a line with {@code awaited} came (logged after the answer). */
    private static List<String> logged(String awaited, ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!captured.toString(StandardCharsets.UTF_8).contains(awaited) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static JsonNode lastRecord(String type) {
        List<JsonNode> records = AuditFiles.records(gateway.auditFile(), type);
        return records.get(records.size() - 1);
    }

    /** The first record of {@code type} that {@code wanted} accepts, once written (session records follow the answer). */
    private static JsonNode awaitRecord(String type, java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            java.util.Optional<JsonNode> found = AuditFiles.records(gateway.auditFile(), type).stream().filter(wanted).findFirst();
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found.orElseThrow(() -> new AssertionError("no such " + type + " record"));
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aClientNameWithALineBreakCannotForgeALogLine() throws Exception {
        List<String> lines = logged("started by", () -> assertThat(http.post(initialize("cursor\n" + FORGED_LINE)).statusCode()).isEqualTo(200));
        assertThat(lines).noneMatch(line -> line.startsWith(FORGED_LINE));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("started by apikey:test (cursor\\n" + FORGED_LINE + "/1 "));
    }

    @Test
    void aHugeClientNameIsRefusedAndALongOneIsBoundedInTheSessionRecord() throws Exception {
        HttpResponse<String> huge = http.post(initialize("n".repeat(600_000)));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("params.clientInfo.name is longer than 1024 characters");

        String name = "n".repeat(1_000);
        List<String> lines = logged("started by", () -> assertThat(http.post(initialize(name)).statusCode()).isEqualTo(200));
        assertThat(lines).filteredOn(line -> line.contains("started by apikey:test")).singleElement()
                .satisfies(line -> assertThat(line).hasSizeLessThan(LogText.MAX_ARGUMENT_CHARS + 500));
        JsonNode client = awaitRecord("session_start", r -> r.at("/client/name").asText().startsWith("nnn")).path("client");
        assertThat(client.path("name").asText()).startsWith("n".repeat(BoundedText.MAX_NAME_CHARS) + "…[truncated: 1000 chars, sha256 "
                + ArgumentRedactor.sha256Hex(name) + "]");
        assertThat(client.path("version").asText()).isEqualTo("1");
    }

    @Test
    void capabilitiesLargerThanASessionCanKeepAreRefused() throws Exception {
        String capabilities = "{\"experimental\":{\"blob\":" + Json.mapper().valueToTree("x".repeat(20_000)) + "}}";
        HttpResponse<String> refused = http.post(initialize("client").replace("\"capabilities\":{}", "\"capabilities\":" + capabilities));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("params.capabilities is 20", "at most 16384 are accepted");
    }

    @Test
    void aHugeUnknownToolNameIsBoundedInItsRecord() throws Exception {
        String session = http.initialize();
        String tool = "x".repeat(900_000);
        HttpResponse<String> response = http.post(McpHttp.toolsCall(2, tool, "{}"), "Mcp-Session-Id", session);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode record = lastRecord("tool_call");
        // Refused for its params (a tool name is at most 128 characters) before any tool is looked up.
        assertThat(record.path("decision_reason").asText()).isEqualTo("invalid params: params.name is longer than 128 characters");
        assertThat(record.path("tool").asText()).hasSizeLessThan(400).endsWith("…[truncated: 900000 chars, sha256 "
                + ArgumentRedactor.sha256Hex(tool) + "]");
        assertThat(Files.size(gateway.auditFile())).isLessThan(200_000);
    }

    @Test
    void manyArgumentKeysAreRefusedAndRecordedBoundedWithTheDigestOfTheWhole() throws Exception {
        String session = http.initialize();
        StringBuilder arguments = new StringBuilder("{\"text\":\"x\"");
        for (int i = 0; arguments.length() < 1_000_000; i++) {
            arguments.append(",\"k").append(i).append("\":").append(i);
        }
        arguments.append('}');
        HttpResponse<String> response = http.post(McpHttp.toolsCall(3, "t__echo", arguments.toString()), "Mcp-Session-Id", session);
        JsonNode result = McpHttp.response(response.body()).path("result");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.at("/_meta/errorKind").asText()).isEqualTo("ARGUMENTS_TOO_LARGE");
        assertThat(result.at("/content/0/text").asText()).contains("more than 1000 values", "(limits.maxArgumentValues)");

        JsonNode record = lastRecord("tool_call");
        assertThat(record.path("outcome").asText()).isEqualTo("refused");
        assertThat(record.path("arguments_truncated").asBoolean()).isTrue();
        assertThat(record.path("arguments_sha256").asText())
                .isEqualTo(ArgumentRedactor.sha256Hex(Json.canonical(Json.mapper().readTree(arguments.toString()))));
        assertThat(record.path("arguments").path("text").asText()).isEqualTo("x");
        assertThat(record.path("arguments").path(ArgumentRedactor.TRUNCATED).asText()).endsWith(" more properties");
        assertThat(record.toString().length()).isLessThan(ArgumentRedactor.MAX_COPY_BYTES + 4_000);
        assertThat(AuditFiles.verify(gateway.auditFile()).exitCode()).isZero();
    }
}
