package dev.awsmcp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through a real gateway: every tools/call, whatever becomes of it, has exactly one record, with the
 * correlation id its result carries, in an intact chain; sessions and policy loads are recorded too.
 */
class AuditedCallsTest {

    private static final int CALLS = 200;
    private static final String POLICY = "team: t\nmembers: [ { apiKey: test } ]\ntoolsets:\n"
            + "  t: { tools: [echo, sleep, crash, fail], access: [read, write], resources: [\"allowed-*\"] }\n";

    @TempDir
    Path policies;

    private RunningGateway start(String auditYaml) throws Exception {
        Files.writeString(policies.resolve("t.yaml"), POLICY);
        return RunningGateway.start("server: { host: 127.0.0.1 }\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read, write] }\n"
                + "limits: { callTimeout: 1s }\n"
                // 64 callers at once, a third of them sleeping past the deadline: above the default bulkhead on purpose.
                + "resilience: { bulkhead: { maxConcurrentCalls: 256 } }\n"
                + "policies: { dir: \"" + policies + "\", watch: false }\n" + auditYaml);
    }

    /** The call of number {@code i}: allowed, denied, invalid, crashing, timing out, unknown. */
    private static String call(int i) {
        return switch (i % 6) {
            case 0 -> McpHttp.toolsCall(i, "t__echo", "{\"text\":\"call " + i + "\"}");
            case 1 -> McpHttp.toolsCall(i, "t__fail", "{}");
            case 2 -> McpHttp.toolsCall(i, "t__echo", "{\"text\":\"x\",\"password\":\"hunter2\"}");
            case 3 -> McpHttp.toolsCall(i, "t__crash", "{}");
            case 4 -> McpHttp.toolsCall(i, "t__sleep", "{\"millis\":3000}");
            default -> McpHttp.toolsCall(i, "t__nope", "{}");
        };
    }

    @Test
    void concurrentCallsHaveExactlyOneRecordEachInAnIntactChain() throws Exception {
        try (RunningGateway gateway = start("")) {
            McpHttp http = new McpHttp(gateway.url());
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sessions.add(http.initialize());
            }
            ExecutorService pool = Executors.newFixedThreadPool(64);
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                int n = i;
                answers.add(pool.submit(() -> Json.mapper().readTree(McpHttp.sseData(
                        http.post(call(n), "Mcp-Session-Id", sessions.get(n % sessions.size())).body()).get(0))));
            }
            Set<String> answeredIds = new HashSet<>();
            int protocolErrors = 0;
            for (Future<JsonNode> answer : answers) {
                JsonNode message = answer.get();
                if (message.has("error")) {
                    protocolErrors++;
                } else {
                    answeredIds.add(message.at("/result/_meta/correlationId").asText());
                }
            }
            pool.shutdown();
            Path file = gateway.auditFile();
            List<JsonNode> calls = AuditFiles.records(file, "tool_call");
            assertThat(calls).hasSize(CALLS);
            Set<String> recordedIds = calls.stream().map(r -> r.get("correlation_id").asText()).collect(Collectors.toSet());
            assertThat(recordedIds).hasSize(CALLS).containsAll(answeredIds);
            assertThat(answeredIds).hasSize(CALLS - protocolErrors);
            assertThat(protocolErrors).isEqualTo(CALLS / 6);
            assertThat(calls.stream().collect(Collectors.groupingBy(r -> r.get("outcome").asText(), Collectors.counting())))
                    .containsOnlyKeys("success", "denied", "refused", "internal_error", "timeout")
                    .containsEntry("denied", (long) (CALLS / 6 + (CALLS % 6 > 1 ? 1 : 0)))
                    .containsEntry("timeout", (long) (CALLS / 6 + (CALLS % 6 > 4 ? 1 : 0)));
            assertThat(AuditFiles.verify(file).exitCode()).isZero();
        }
    }

    @Test
    void recordsCarryTheCallFactsSessionsAndPolicyLoads() throws Exception {
        try (RunningGateway gateway = start("")) {
            McpHttp http = new McpHttp(gateway.url());
            String session = http.initialize();
            http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"" + "a".repeat(300) + "\"}"), "Mcp-Session-Id", session);
            http.post(call(2), "Mcp-Session-Id", session);
            http.post(call(1), "Mcp-Session-Id", session);
            http.send("DELETE", null, "Mcp-Session-Id", session);
            Path file = gateway.auditFile();
            // Session records are not awaited by the DELETE response (only tool calls wait for theirs).
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (AuditFiles.records(file, "session_end").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<JsonNode> records = AuditFiles.records(file);
            assertThat(records).extracting(r -> r.get("type").asText())
                    .containsExactly("policy_reload", "session_start", "tool_call", "tool_call", "tool_call", "session_end");
            assertThat(records.get(0).get("accepted").asBoolean()).isTrue();
            assertThat(records.get(0).get("teams").toString()).isEqualTo("[\"t\"]");
            assertThat(records.get(1).at("/client/name").asText()).isEqualTo("raw-test");

            JsonNode allowed = records.get(2);
            assertThat(allowed.get("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(allowed.get("session_id").asText()).isEqualTo(session);
            assertThat(allowed.get("principal").asText()).isEqualTo("apikey:test");
            assertThat(allowed.at("/client/version").asText()).isEqualTo("1");
            assertThat(allowed.get("toolset").asText()).isEqualTo("t");
            assertThat(allowed.get("access").asText()).isEqualTo("READ");
            assertThat(allowed.at("/arguments/text/length").asInt()).isEqualTo(300);
            assertThat(allowed.at("/arguments/text/sha256").asText()).hasSize(64);
            assertThat(allowed.get("decision").asText()).isEqualTo("allowed");
            assertThat(allowed.get("team").asText()).isEqualTo("t");
            assertThat(allowed.get("result_bytes_before_limit").asLong()).isPositive()
                    .isEqualTo(allowed.get("result_bytes_after_limit").asLong());
            assertThat(allowed.has("role_arn")).isTrue();
            assertThat(allowed.get("guard_findings").isArray()).isTrue();

            JsonNode invalid = records.get(3);
            assertThat(invalid.at("/arguments/password").asText()).isEqualTo("[REDACTED]");
            assertThat(invalid.get("decision").asText()).isEqualTo("refused");
            assertThat(invalid.get("error_kind").asText()).isEqualTo("INVALID_ARGUMENT");
            assertThat(Files.readString(file)).doesNotContain("hunter2");

            JsonNode denied = records.get(4);
            assertThat(denied.get("decision").asText()).isEqualTo("denied");
            assertThat(denied.get("decision_reason").asText()).contains("things");
            assertThat(records.get(5).get("reason").asText()).isEqualTo("deleted");
        }
    }

    @Test
    void callsOverTheQueueCapacityAreRefusedAndAcceptedOnesAllRecorded() throws Exception {
        try (RunningGateway gateway = start("audit: { sinks: [ { type: file, path: \"" + policies.resolve("a.jsonl")
                + "\" } ], queueCapacity: 2 }\n")) {
            McpHttp http = new McpHttp(gateway.url());
            String session = http.initialize();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                answers.add(pool.submit(() -> Json.mapper().readTree(McpHttp.sseData(
                        http.post(McpHttp.toolsCall(n, "t__sleep", "{\"millis\":300}"), "Mcp-Session-Id", session).body()).get(0))));
            }
            List<JsonNode> results = new ArrayList<>();
            for (Future<JsonNode> answer : answers) {
                results.add(answer.get().get("result"));
            }
            pool.shutdown();
            List<JsonNode> overloaded = results.stream().filter(r -> "AUDIT_OVERLOADED".equals(r.at("/_meta/errorKind").asText())).toList();
            List<JsonNode> served = results.stream().filter(r -> !r.get("isError").asBoolean()).toList();
            assertThat(overloaded).isNotEmpty();
            assertThat(overloaded.get(0).at("/content/0/text").asText()).isEqualTo("audit trail is overloaded; retry shortly");
            assertThat(served.size() + overloaded.size()).isEqualTo(16);
            Set<String> recorded = AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                    .map(r -> r.get("correlation_id").asText()).collect(Collectors.toSet());
            assertThat(recorded).isEqualTo(served.stream().map(r -> r.at("/_meta/correlationId").asText()).collect(Collectors.toSet()));
        }
    }
}
