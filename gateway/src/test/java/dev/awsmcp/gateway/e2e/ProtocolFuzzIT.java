package dev.awsmcp.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.e2e.ProtocolFuzzCases.FuzzCase;
import dev.awsmcp.gateway.testing.DemoProcess;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RawHttp;
import dev.awsmcp.toolset.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A protocol fuzzer against the real jar ({@code java -jar gateway/target/mcp-gateway.jar demo}): a seeded
 * stream of malformed MCP messages and header variants ({@link ProtocolFuzzCases}), each answer checked
 * by {@link ProtocolFuzzOracle}; afterwards every tools/call the gateway handled has its audit record, the
 * gateway still answers a ping, and its log shows no error and no stack trace. Bounded: at most
 * {@code fuzz.cases} messages (default 1500) within 30 seconds. The seed is printed; rerun one with
 * {@code -Dfuzz.seed=N}.
 */
class ProtocolFuzzIT {

    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|^Caused by: | ERROR ");
    private static final long BUDGET_NANOS = 30_000_000_000L;
    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start();
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.close();
    }

    @Test
    void malformedMessagesGetStrictAnswersAuditRecordsAndNoStackTraces() throws Exception {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        int limit = Integer.getInteger("fuzz.cases", 1500);
        System.out.println("ProtocolFuzzIT seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        McpHttp http = new McpHttp(demo.url(), demo.paymentsKey());
        String session = http.initialize();
        ProtocolFuzzCases cases = new ProtocolFuzzCases(new Random(seed), demo.paymentsKey(), session);
        RawHttp raw = new RawHttp(demo.url());
        int logStart = demo.output().length();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int toolCalls = 0;
        long start = System.nanoTime();
        for (; sent < limit && System.nanoTime() - start < BUDGET_NANOS; sent++) {
            FuzzCase fuzz = cases.next();
            RawHttp.Answer answer = raw.post(fuzz.body(), fuzz.headers());
            for (String problem : ProtocolFuzzOracle.problems(fuzz, answer)) {
                failures.add("#" + sent + " " + fuzz.label() + ": " + problem);
            }
            if (ProtocolFuzzOracle.reachedToolCall(fuzz, answer)) {
                toolCalls++;
            }
            String created = answer.header("Mcp-Session-Id");
            if (!created.isEmpty() && !created.equals(session)) {
                http.send("DELETE", null, "Mcp-Session-Id", created);
            }
        }
        System.out.printf("ProtocolFuzzIT: %d messages in %d ms, %d tools/call handled, %d problems%n", sent,
                (System.nanoTime() - start) / 1_000_000, toolCalls, failures.size());
        failures.stream().limit(300).forEach(System.out::println);
        assertThat(failures.subList(0, Math.min(failures.size(), 25))).as("seed %d: the first of %d problems", seed, failures.size()).isEmpty();
        assertThat(auditedCalls(session, toolCalls)).as("seed %d: audit records of the session's tools/call", seed).isEqualTo(toolCalls);
        assertThat(McpHttp.response(http.post("{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"ping\"}", "Mcp-Session-Id", session).body())
                .has("result")).as("the gateway still answers").isTrue();
        String log = demo.output().substring(logStart);
        assertThat(STACK_TRACE.matcher(log).find()).as("seed %d: errors or stack traces in the log:%n%s", seed, tail(log)).isFalse();
    }

    @Test
    void malformedHttpGetsJsonRpcErrorsAndOneLogLine() throws Exception {
        RawHttp raw = new RawHttp(demo.url());
        String path = demo.url().getPath();
        String auth = "Authorization: Bearer " + demo.paymentsKey() + "\r\n";
        String rest = "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\nConnection: close\r\n";
        String host = "Host: " + demo.url().getHost() + ":" + demo.url().getPort() + "\r\n";
        int logStart = demo.output().length();
        List<String> requests = List.of(
                "POST " + path + " HTTP/1.1\r\n" + auth + rest + "Content-Length: 2\r\n\r\n{}",
                "POST " + path + " HTTP/1.1\r\n" + host + auth + rest + "Content-Length: abc\r\n\r\n{}",
                "POST " + path + " HTTP/1.1\r\n" + host + "X-Fuzz: a\u0000b\r\n" + auth + rest + "Content-Length: 2\r\n\r\n{}",
                "POST " + path + " HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(20_000) + "\r\n" + auth + rest + "Content-Length: 2\r\n\r\n{}");
        List<Integer> statuses = List.of(400, 400, 400, 431);
        for (int i = 0; i < requests.size(); i++) {
            RawHttp.Answer answer = raw.send(requests.get(i).getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer.status()).as("request %d", i).isEqualTo(statuses.get(i));
            assertThat(answer.header("Content-Type")).as("request %d: %s", i, answer.body()).startsWith("application/json");
            JsonNode error = Json.mapper().readTree(answer.body());
            assertThat(error.at("/error/code").asInt()).as(answer.body()).isEqualTo(-32600);
            assertThat(error.at("/error/message").asText()).isNotBlank();
        }
        Thread.sleep(200);
        String log = demo.output().substring(logStart);
        assertThat(STACK_TRACE.matcher(log).find()).as("errors or stack traces in the log:%n%s", tail(log)).isFalse();
        assertThat(log.lines().filter(l -> l.contains("malformed HTTP request")).count()).as(log).isEqualTo(requests.size());
    }

    /** The tool_call records of {@code session}, waiting (up to 10 s) for the audit queue to reach {@code expected}. */
    private static long auditedCalls(String session, int expected) throws InterruptedException {
        long count = 0;
        for (int i = 0; i < 100 && count < expected; i++) {
            count = AuditFiles.records(demo.auditFile(), "tool_call").stream()
                    .filter(r -> session.equals(r.path("session_id").asText())).count();
            if (count < expected) {
                Thread.sleep(100);
            }
        }
        return count;
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : "..." + log.substring(log.length() - 6000);
    }
}
