package dev.awsmcp.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.resilience.FaultInjector.Fault;
import dev.awsmcp.gateway.testing.McpToolClient;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults between the SDK and moto, through the real gateway: each test checks what the model reads,
 * how many AWS attempts were made and the audit record of the call.
 */
@ExtendWith(LocalAwsExtension.class)
class FaultInjectionTest {

    private static final String FAST_RETRIES = "resilience:\n  retry: { maxAttempts: 4, baseDelay: 10ms, maxDelay: 100ms }\n"
            + "  cache: { enabled: false }\n";

    @BeforeAll
    static void emulatorCredentials() {
        McpToolClient.useEmulatorCredentials();
    }

    static String dynamo(String id, String endpoint) {
        return "  - { id: " + id + ", type: dynamodb, region: us-east-1, access: [read, write], endpoint: \"" + endpoint + "\" }\n";
    }

    @Test
    void throttlingStormBacksOffAndSucceedsWithinTheDeadline(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n" + dynamo("ddb", aws.endpoint().toString())
                + FAST_RETRIES, List.of(faults))) {
            McpToolClient client = new McpToolClient(gateway);
            faults.inject(Fault.THROTTLE, 3);
            JsonNode result = client.call("ddb__list_tables", "{}");
            assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
            assertThat(faults.attempts()).isEqualTo(4);
            assertThat(lastRecord(gateway).path("outcome").asText()).isEqualTo("success");
        }
    }

    @Test
    void throttlingStormLongerThanTheAttemptsFailsClearly(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n" + dynamo("ddb", aws.endpoint().toString())
                + FAST_RETRIES, List.of(faults))) {
            McpToolClient client = new McpToolClient(gateway);
            faults.inject(Fault.THROTTLE, 100);
            JsonNode result = client.call("ddb__list_tables", "{}");
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(text(result)).contains("throttled").contains("retry");
            assertThat(faults.attempts()).isEqualTo(4);
            JsonNode record = lastRecord(gateway);
            assertThat(record.path("outcome").asText()).isEqualTo("tool_error");
            assertThat(record.path("error_kind").asText()).isEqualTo("THROTTLED");
        }
    }

    @Test
    void persistentServerErrorsOpenTheBreakerAndAProbeClosesIt(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n" + dynamo("ddb", aws.endpoint().toString())
                + FAST_RETRIES + "  breaker: { minimumCalls: 3, failureRateThreshold: 50, openFor: 1s }\n", List.of(faults))) {
            McpToolClient client = new McpToolClient(gateway);
            faults.inject(Fault.SERVER_ERROR, Integer.MAX_VALUE);
            for (int i = 0; i < 3; i++) {
                assertThat(client.call("ddb__list_tables", "{}").at("/_meta/errorKind").asText()).isEqualTo("UPSTREAM");
            }
            int attemptsWhenOpened = faults.attempts();
            assertThat(attemptsWhenOpened).isEqualTo(12);
            JsonNode refused = client.call("ddb__list_tables", "{}");
            assertThat(text(refused)).contains("dynamodb (toolset ddb) in us-east-1 is failing; the gateway stopped calling it for 1s");
            assertThat(faults.attempts()).as("an open breaker does not reach AWS").isEqualTo(attemptsWhenOpened);
            assertThat(lastRecord(gateway).path("error_kind").asText()).isEqualTo("CIRCUIT_OPEN");

            faults.heal();
            Thread.sleep(1_100);
            assertThat(client.call("ddb__list_tables", "{}").path("isError").asBoolean()).as("half-open probe").isFalse();
            assertThat(client.call("ddb__list_tables", "{}").path("isError").asBoolean()).as("closed again").isFalse();
            assertThat(lastRecord(gateway).path("outcome").asText()).isEqualTo("success");
        }
    }

    @Test
    void slowBackendTimesOutWhileOtherToolsetsKeepAnsweringAndTheBulkheadCapsIt(LocalAws aws) throws Exception {
        try (BlackholeServer slow = new BlackholeServer();
                RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                        + dynamo("ddb", aws.endpoint().toString()) + dynamo("slow", slow.endpoint().toString())
                        + "limits: { callTimeout: 2s }\n" + FAST_RETRIES + "  bulkhead: { maxConcurrentCalls: 1 }\n")) {
            McpToolClient client = new McpToolClient(gateway);
            long start = System.nanoTime();
            CompletableFuture<JsonNode> hanging = CompletableFuture.supplyAsync(() -> new McpToolClient(gateway).call("slow__list_tables", "{}"));
            Thread.sleep(300);
            JsonNode full = client.call("slow__list_tables", "{\"limit\":3}");
            assertThat(full.at("/_meta/errorKind").asText()).isEqualTo("BULKHEAD_FULL");
            for (int i = 0; i < 5; i++) {
                long before = System.nanoTime();
                assertThat(client.call("ddb__list_tables", "{}").path("isError").asBoolean()).isFalse();
                assertThat((System.nanoTime() - before) / 1_000_000).as("other toolset answers meanwhile").isLessThan(1_000);
            }
            JsonNode timedOut = hanging.get();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(text(timedOut)).contains("slow__list_tables timed out after 2s; narrow the time window or use the cursor");
            assertThat(millis).isBetween(1_500L, 3_500L);
            List<JsonNode> records = records(gateway);
            List<JsonNode> slowRecords = records.stream().filter(r -> r.path("tool").asText().equals("slow__list_tables")).toList();
            assertThat(slowRecords).extracting(r -> r.path("error_kind").asText()).containsExactly("BULKHEAD_FULL", "TIMEOUT");
            assertThat(slowRecords.get(1).path("outcome").asText()).isEqualTo("timeout");
        }
    }

    @Test
    void connectionResetsAreRetriedForReads(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n" + dynamo("ddb", aws.endpoint().toString())
                + FAST_RETRIES, List.of(faults))) {
            McpToolClient client = new McpToolClient(gateway);
            faults.inject(Fault.RESET, 2);
            assertThat(client.call("ddb__list_tables", "{}").path("isError").asBoolean()).isFalse();
            assertThat(faults.attempts()).isEqualTo(3);
            assertThat(lastRecord(gateway).path("outcome").asText()).isEqualTo("success");
        }
    }

    @Test
    void writesAreNotRetriedAfterAServerErrorOrResetButAfterThrottling(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n" + dynamo("ddb", aws.endpoint().toString())
                + FAST_RETRIES, List.of(faults))) {
            McpToolClient client = new McpToolClient(gateway);
            String put = "{\"table\":\"orders\",\"item\":{\"pk\":\"p1\"}}";
            faults.inject(Fault.SERVER_ERROR, 10);
            assertThat(client.call("ddb__put_item", put).at("/_meta/errorKind").asText()).isEqualTo("UPSTREAM");
            assertThat(faults.attempts()).as("a 5xx after sending may have written: not retried").isEqualTo(1);
            assertThat(lastRecord(gateway).path("error_kind").asText()).isEqualTo("UPSTREAM");

            faults.inject(Fault.RESET, 10);
            client.call("ddb__put_item", put);
            assertThat(faults.attempts()).as("a reset after sending may have written: not retried").isEqualTo(2);

            faults.inject(Fault.THROTTLE, 1);
            client.call("ddb__put_item", put);
            assertThat(faults.attempts()).as("a throttled write did not run: retried").isEqualTo(4);
        }
    }

    @Test
    void repeatedReadsComeFromTheCacheWritesNever(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + dynamo("ddb", aws.endpoint().toString()), List.of(faults))) {
            McpToolClient client = new McpToolClient(gateway);
            JsonNode first = client.call("ddb__list_tables", "{\"limit\":5}");
            JsonNode second = client.call("ddb__list_tables", "{\"limit\":5}");
            assertThat(faults.attempts()).isEqualTo(1);
            assertThat(second.at("/_meta/cache/hit").asBoolean()).isTrue();
            assertThat(second.at("/_meta/cache/ageSeconds").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(second.at("/_meta/correlationId").asText()).isNotEqualTo(first.at("/_meta/correlationId").asText());
            assertThat(second.path("structuredContent")).isEqualTo(first.path("structuredContent"));
            assertThat(first.at("/_meta/cache").isMissingNode()).isTrue();
            assertThat(lastRecord(gateway).path("outcome").asText()).isEqualTo("success");
            String put = "{\"table\":\"orders\",\"item\":{\"pk\":\"p1\"}}";
            client.call("ddb__put_item", put);
            client.call("ddb__put_item", put);
            assertThat(faults.attempts()).isEqualTo(3);
        }
    }

    static String text(JsonNode result) {
        return result.at("/content/0/text").asText();
    }

    static JsonNode lastRecord(RunningGateway gateway) {
        List<JsonNode> records = records(gateway);
        return records.get(records.size() - 1);
    }

    static List<JsonNode> records(RunningGateway gateway) {
        try {
            return Files.readAllLines(gateway.auditFile()).stream().map(FaultInjectionTest::parse)
                    .filter(r -> "tool_call".equals(r.path("type").asText())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
