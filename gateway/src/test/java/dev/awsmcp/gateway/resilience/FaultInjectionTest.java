package dev.awsmcp.gateway.resilience;

import dev.awsmcp.gateway.testing.BlackholeServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.resilience.FaultInjector.Fault;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.McpToolClient;
import dev.awsmcp.gateway.testing.MetricsScrape;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
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
 * how many AWS attempts were made, the audit record of the call and its metrics (scraped from the
 * admin listener's /metrics over HTTP).
 */
@ExtendWith(LocalAwsExtension.class)
class FaultInjectionTest {

    private static final String FAST_RETRIES = "resilience:\n  retry: { maxAttempts: 4, baseDelay: 10ms, maxDelay: 100ms }\n"
            + "  cache: { enabled: false }\n";

    @BeforeAll
    static void emulatorCredentials() {
        EmulatorClients.useEmulatorCredentials();
    }

    /** A gateway with toolset ddb on moto behind {@code faults}, fast retries, no cache, and {@code resilienceYaml} under resilience. */
    private static RunningGateway faulty(LocalAws aws, FaultInjector faults, String resilienceYaml) {
        return RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n" + dynamo("ddb", aws.endpoint().toString()) + FAST_RETRIES
                + resilienceYaml, List.of(faults));
    }

    static String dynamo(String id, String endpoint) {
        return "  - { id: " + id + ", type: dynamodb, region: us-east-1, access: [read, write], endpoint: \"" + endpoint + "\" }\n";
    }

    @Test
    void throttlingStormBacksOffAndSucceedsWithinTheDeadline(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = faulty(aws, faults, "")) {
            McpToolClient client = new McpToolClient(gateway);
            faults.inject(Fault.THROTTLE, 3);
            JsonNode result = client.call("ddb__list_tables", "{}");
            assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
            assertThat(faults.attempts()).isEqualTo(4);
            assertThat(lastRecord(gateway).path("outcome").asText()).isEqualTo("success");
            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_aws_throttled_total", "service", "DynamoDb", "error_code", "ThrottlingException")).isEqualTo(3);
            assertThat(metrics.value("gateway_aws_retries_total", "toolset", "ddb", "service", "DynamoDb", "operation", "ListTables"))
                    .isEqualTo(3);
            assertThat(metrics.value("gateway_aws_requests_seconds_count", "toolset", "ddb", "operation", "ListTables", "outcome", "success"))
                    .isEqualTo(1);
            assertThat(metrics.value("gateway_aws_errors_total")).isZero();
            assertThat(metrics.value("gateway_tool_calls_seconds_count", "tool", "ddb__list_tables", "outcome", "success")).isEqualTo(1);
        }
    }

    @Test
    void throttlingStormLongerThanTheAttemptsFailsClearly(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = faulty(aws, faults, "")) {
            McpToolClient client = new McpToolClient(gateway);
            faults.inject(Fault.THROTTLE, 100);
            JsonNode result = client.call("ddb__list_tables", "{}");
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(text(result)).contains("throttled").contains("retry");
            assertThat(faults.attempts()).isEqualTo(4);
            JsonNode record = lastRecord(gateway);
            assertThat(record.path("outcome").asText()).isEqualTo("tool_error");
            assertThat(record.path("error_kind").asText()).isEqualTo("THROTTLED");
            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_aws_throttled_total", "service", "DynamoDb", "error_code", "ThrottlingException")).isEqualTo(4);
            assertThat(metrics.value("gateway_aws_retries_stopped_total", "service", "DynamoDb", "reason", "attempts")).isEqualTo(1);
            assertThat(metrics.value("gateway_aws_errors_total", "toolset", "ddb", "operation", "ListTables", "error_code",
                    "ThrottlingException")).isEqualTo(1);
            assertThat(metrics.value("gateway_tool_errors_total", "tool", "ddb__list_tables", "error_kind", "THROTTLED")).isEqualTo(1);
            assertThat(metrics.value("gateway_tool_calls_seconds_count", "tool", "ddb__list_tables", "outcome", "tool_error")).isEqualTo(1);
        }
    }

    @Test
    void persistentServerErrorsOpenTheBreakerAndAProbeClosesIt(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = faulty(aws, faults, "  breaker: { minimumCalls: 3, failureRateThreshold: 50, openFor: 1s }\n")) {
            McpToolClient client = new McpToolClient(gateway);
            faults.inject(Fault.SERVER_ERROR, Integer.MAX_VALUE);
            for (int i = 0; i < 3; i++) {
                assertThat(client.call("ddb__list_tables", "{}").at("/_meta/errorKind").asText()).isEqualTo("UPSTREAM");
            }
            int attemptsWhenOpened = faults.attempts();
            assertThat(attemptsWhenOpened).isEqualTo(12);
            JsonNode refused = client.call("ddb__list_tables", "{}");
            assertThat(text(refused)).contains("dynamodb (toolset ddb) in us-east-1 failed the last calls of team test; the gateway stopped "
                    + "sending them for 1s");
            assertThat(faults.attempts()).as("an open breaker does not reach AWS").isEqualTo(attemptsWhenOpened);
            assertThat(lastRecord(gateway).path("error_kind").asText()).isEqualTo("CIRCUIT_OPEN");
            MetricsScrape open = MetricsScrape.of(gateway);
            assertThat(open.value("gateway_circuit_breakers", "toolset", "ddb", "state", "open")).isEqualTo(1);
            assertThat(open.value("gateway_aws_errors_total", "toolset", "ddb", "error_code", "InternalServerError")).isEqualTo(3);
            assertThat(open.value("gateway_aws_retries_stopped_total", "service", "DynamoDb", "reason", "attempts")).isEqualTo(3);
            assertThat(open.value("gateway_tool_errors_total", "tool", "ddb__list_tables", "error_kind", "UPSTREAM")).isEqualTo(3);
            assertThat(open.value("gateway_tool_errors_total", "tool", "ddb__list_tables", "error_kind", "CIRCUIT_OPEN")).isEqualTo(1);

            faults.heal();
            Thread.sleep(1_100);
            assertThat(client.call("ddb__list_tables", "{}").path("isError").asBoolean()).as("half-open probe").isFalse();
            assertThat(client.call("ddb__list_tables", "{}").path("isError").asBoolean()).as("closed again").isFalse();
            assertThat(lastRecord(gateway).path("outcome").asText()).isEqualTo("success");
            MetricsScrape closed = MetricsScrape.of(gateway);
            assertThat(closed.value("gateway_circuit_breakers", "toolset", "ddb", "state", "open")).isZero();
            assertThat(closed.value("gateway_circuit_breakers", "toolset", "ddb", "state", "closed")).isEqualTo(1);
            assertThat(closed.value("gateway_tool_calls_seconds_count", "tool", "ddb__list_tables", "outcome", "success")).isEqualTo(2);
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
            assertThat(text(timedOut)).isEqualTo("slow__list_tables timed out after 2s: DynamoDB did not answer before the call's deadline; "
                    + "ask for fewer tables (limit), or retry");
            assertThat(millis).isBetween(1_500L, 3_500L);
            List<JsonNode> records = records(gateway);
            List<JsonNode> slowRecords = records.stream().filter(r -> r.path("tool").asText().equals("slow__list_tables")).toList();
            assertThat(slowRecords).extracting(r -> r.path("error_kind").asText()).containsExactly("BULKHEAD_FULL", "TIMEOUT");
            assertThat(slowRecords.get(1).path("outcome").asText()).isEqualTo("timeout");
            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_tool_calls_seconds_count", "tool", "slow__list_tables", "outcome", "timeout")).isEqualTo(1);
            assertThat(metrics.value("gateway_tool_errors_total", "tool", "slow__list_tables", "error_kind", "BULKHEAD_FULL")).isEqualTo(1);
            assertThat(metrics.value("gateway_tool_errors_total", "tool", "slow__list_tables", "error_kind", "TIMEOUT")).isEqualTo(1);
            assertThat(metrics.value("resilience4j_bulkhead_max_allowed_concurrent_calls", "name", "slow")).isEqualTo(1);
            assertThat(metrics.value("gateway_tool_calls_seconds_count", "tool", "ddb__list_tables", "outcome", "success")).isEqualTo(5);
        }
    }

    @Test
    void timeoutAdviceFitsTheToolAndOnlyTimeWindowedToolsTalkAboutWindows(LocalAws aws) throws Exception {
        try (BlackholeServer slow = new BlackholeServer();
                RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                        + dynamo("slow", slow.endpoint().toString()) + "  - { id: t, type: test-echo, region: us-east-1 }\n"
                        + "limits: { callTimeout: 2s }\n" + FAST_RETRIES)) {
            McpToolClient client = new McpToolClient(gateway);
            JsonNode getItem = client.call("slow__get_item", "{\"table\":\"orders\",\"key\":{\"pk\":\"o-1\"}}");
            assertThat(getItem.at("/_meta/errorKind").asText()).isEqualTo("TIMEOUT");
            assertThat(text(getItem)).isEqualTo("slow__get_item timed out after 2s: DynamoDB did not answer before the call's deadline; retry");
            JsonNode put = client.call("slow__put_item", "{\"table\":\"orders\",\"item\":{\"pk\":\"o-1\"}}");
            assertThat(text(put)).isEqualTo("slow__put_item timed out after 2s: DynamoDB did not answer before the call's deadline; the "
                    + "write may or may not have been applied: read the item with slow__get_item before retrying");
            // A toolset that ignores its deadline: the gateway answers on its own, knowing only the tool's access class.
            JsonNode sleep = client.call("t__sleep", "{\"millis\":10000}");
            assertThat(sleep.at("/_meta/errorKind").asText()).isEqualTo("TIMEOUT");
            assertThat(text(sleep)).isEqualTo("t__sleep timed out after 2s; retry in a moment");
        }
    }

    @Test
    void connectionResetsAreRetriedForReads(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = faulty(aws, faults, "")) {
            McpToolClient client = new McpToolClient(gateway);
            faults.inject(Fault.RESET, 2);
            assertThat(client.call("ddb__list_tables", "{}").path("isError").asBoolean()).isFalse();
            assertThat(faults.attempts()).isEqualTo(3);
            assertThat(lastRecord(gateway).path("outcome").asText()).isEqualTo("success");
            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_aws_retries_total", "toolset", "ddb", "operation", "ListTables")).isEqualTo(2);
            assertThat(metrics.value("gateway_aws_throttled_total")).as("resets are not throttles").isZero();
            assertThat(metrics.value("gateway_aws_requests_seconds_count", "toolset", "ddb", "outcome", "success")).isEqualTo(1);
        }
    }

    @Test
    void writesAreNotRetriedAfterAServerErrorOrResetButAfterThrottling(LocalAws aws) throws Exception {
        FaultInjector faults = new FaultInjector();
        try (RunningGateway gateway = faulty(aws, faults, "")) {
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
            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("gateway_aws_retries_total", "toolset", "ddb", "operation", "PutItem")).as("only the throttled one")
                    .isEqualTo(1);
            assertThat(metrics.value("gateway_aws_errors_total", "operation", "PutItem", "error_code", "InternalServerError")).isEqualTo(1);
            assertThat(metrics.value("gateway_aws_errors_total", "operation", "PutItem", "error_code", "IOError")).isEqualTo(1);
            assertThat(metrics.value("gateway_aws_retries_stopped_total")).as("not retryable is no give-up").isZero();
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
            MetricsScrape metrics = MetricsScrape.of(gateway);
            assertThat(metrics.value("cache_gets_total", "cache", "results", "result", "hit")).isEqualTo(1);
            assertThat(metrics.value("cache_gets_total", "cache", "results", "result", "miss")).as("writes never look").isEqualTo(1);
            assertThat(metrics.value("cache_size", "cache", "results")).as("one entry: the read").isEqualTo(1);
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
