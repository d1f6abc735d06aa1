package dev.awsmcp.gateway.mcp;

import static dev.awsmcp.gateway.mcp.ModernTaskRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.Eventually;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/**
 * The MCP tasks extension for Logs Insights through a real gateway, as raw HTTP: {@code logs__run_insights_query} on moto
 * as a task of a client that declares the extension (created, working, completed with its rows; cancelled with the query
 * stopped and the call audited), bound to the principal that created it, and unchanged for a client without the
 * extension. moto completes a query at once, so {@link HeldInsightsQueries} keeps it running where a test needs that.
 */
@ExtendWith(LocalAwsExtension.class)
class ModernTasksTest {

    static final String GROUP = "/aws/lambda/payments-api";
    static final String QUERY = "logs__run_insights_query";
    private static final HeldInsightsQueries INSIGHTS = new HeldInsightsQueries();
    private static final AtomicInteger WINDOWS = new AtomicInteger(60);
    private static RunningGateway gateway;
    private static ModernTaskRequests tasks;
    private static ModernTaskRequests plain;
    private static ModernTaskRequests other;
    private static LocalAws aws;

    @BeforeAll
    static void start(LocalAws emulator) {
        aws = emulator;
        seed(aws);
        gateway = RunningGateway.start(gatewayYaml(aws, ""), List.of(INSIGHTS));
        tasks = new ModernTaskRequests(new McpHttp(gateway.url()), true);
        plain = new ModernTaskRequests(new McpHttp(gateway.url()), false);
        other = new ModernTaskRequests(new McpHttp(gateway.url(), RunningGateway.OTHER_KEY), true);
    }

    /** A gateway with the logs toolset on moto, the test-echo toolset and {@code extra} YAML. */
    static String gatewayYaml(LocalAws aws, String extra) {
        return "server: { host: 127.0.0.1 }\ntoolsets:\n"
                + "  - { id: logs, type: logs, region: us-east-1, accountId: \"123456789012\", endpoint: \"" + aws.endpoint() + "\" }\n"
                + "  - { id: t, type: test-echo, region: us-east-1 }\n"
                + "limits: { callTimeout: 15s }\n" + extra;
    }

    static void seed(LocalAws aws) {
        EmulatorClients.useEmulatorCredentials();
        try (CloudWatchLogsAsyncClient logs = EmulatorClients.logs(aws)) {
            if (!logs.describeLogGroups(b -> b.logGroupNamePrefix(GROUP)).join().logGroups().isEmpty()) {
                return;
            }
            logs.createLogGroup(b -> b.logGroupName(GROUP)).join();
            logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("s")).join();
            logs.putLogEvents(b -> b.logGroupName(GROUP).logStreamName("s")
                    .logEvents(e -> e.timestamp(Instant.now().toEpochMilli()).message("ERROR payment declined"))).join();
        }
    }

    /** Arguments of a query over the seeded group; each in its own window, so that no answer comes from the result cache. */
    static String queryArguments() {
        return "{\"log_groups\":[\"" + GROUP + "\"],\"query\":\"fields @message | limit 5\",\"start\":\"-"
                + WINDOWS.incrementAndGet() + "m\",\"end\":\"now\"}";
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @AfterEach
    void release() {
        INSIGHTS.hold(false);
    }

    @Test
    void aQueryOfAClientWithTasksIsATaskThatCompletesWithItsRows() throws Exception {
        INSIGHTS.hold(true);
        HttpResponse<String> call = tasks.call(QUERY, queryArguments());

        assertThat(call.statusCode()).isEqualTo(200);
        JsonNode created = json(call).path("result");
        assertThat(created.path("resultType").asText()).isEqualTo("task");
        assertThat(created.path("status").asText()).isEqualTo("working");
        assertThat(created.path("ttlMs").asLong()).isEqualTo(3_600_000L);
        assertThat(created.path("pollIntervalMs").asLong()).isEqualTo(2_000L);
        assertThat(Instant.parse(created.path("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
        String taskId = created.path("taskId").asText();

        JsonNode working = json(tasks.task("tasks/get", taskId)).path("result");
        assertThat(working.path("resultType").asText()).isEqualTo("complete");
        assertThat(working.path("taskId").asText()).isEqualTo(taskId);
        assertThat(working.path("status").asText()).isEqualTo("working");
        assertThat(working.has("result")).isFalse();

        INSIGHTS.hold(false);
        JsonNode completed = tasks.awaitEnd(taskId);
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        JsonNode result = completed.path("result");
        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("structuredContent").path("status").asText()).isEqualTo("Complete");
        assertThat(result.path("structuredContent").path("rows").toString()).contains("ERROR payment declined");
        String correlationId = result.path("_meta").path("correlationId").asText();
        assertThat(AuditFiles.records(gateway.auditFile(), "tool_call")).anySatisfy(record -> {
            assertThat(record.path("correlation_id").asText()).isEqualTo(correlationId);
            assertThat(record.path("outcome").asText()).isEqualTo("success");
            assertThat(record.path("principal").asText()).isEqualTo("apikey:test");
        });
    }

    @Test
    void cancellingATaskStopsTheQueryAndTheCallIsAuditedCancelled() throws Exception {
        INSIGHTS.hold(true);
        int polls = INSIGHTS.sent("GetQueryResults");
        int stops = INSIGHTS.sent("StopQuery");
        String taskId = json(tasks.call(QUERY, queryArguments())).path("result").path("taskId").asText();
        Eventually.until(() -> INSIGHTS.sent("GetQueryResults") > polls);

        HttpResponse<String> cancel = tasks.task("tasks/cancel", taskId);

        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(json(cancel).path("result").path("resultType").asText()).isEqualTo("complete");
        JsonNode cancelled = json(tasks.task("tasks/get", taskId)).path("result");
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.has("result")).isFalse();
        Eventually.until(() -> INSIGHTS.sent("StopQuery") > stops);
        Eventually.until(() -> AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                .anyMatch(record -> record.path("tool").asText().equals(QUERY) && record.path("outcome").asText().equals("cancelled")));
        assertThat(json(tasks.task("tasks/cancel", taskId)).path("result").path("resultType").asText())
                .as("cancelling an ended task is acknowledged").isEqualTo("complete");
    }

    @Test
    void anotherPrincipalNeitherSeesNorCancelsATask() throws Exception {
        INSIGHTS.hold(true);
        String taskId = json(tasks.call(QUERY, queryArguments())).path("result").path("taskId").asText();

        HttpResponse<String> foreignGet = other.task("tasks/get", taskId);
        HttpResponse<String> foreignCancel = other.task("tasks/cancel", taskId);
        HttpResponse<String> unknown = tasks.task("tasks/get", UUID.randomUUID().toString());

        assertThat(foreignGet.statusCode()).isEqualTo(400);
        assertThat(json(foreignGet).path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(json(foreignCancel).path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(json(foreignGet).path("error").path("message").asText()).as("as if the task did not exist")
                .isEqualTo(json(unknown).path("error").path("message").asText());
        assertThat(json(tasks.task("tasks/get", taskId)).path("result").path("status").asText()).isEqualTo("working");
        tasks.task("tasks/cancel", taskId);
    }

    @Test
    void unknownOrMalformedTaskIdsAreInvalidParams() throws Exception {
        for (String taskId : List.of(UUID.randomUUID().toString(), "task#../x", "")) {
            for (String method : List.of("tasks/get", "tasks/update", "tasks/cancel")) {
                HttpResponse<String> response = tasks.task(method, taskId);

                assertThat(response.statusCode()).as(method + " " + taskId).isEqualTo(400);
                assertThat(json(response).path("error").path("code").asInt()).isEqualTo(-32602);
                assertThat(json(response).path("error").path("message").asText()).startsWith("Failed to retrieve task: Task not found");
            }
        }
    }

    @Test
    void withoutTheExtensionTheQueryAnswersAsTodayAndTasksMethodsAreRefused() throws Exception {
        JsonNode result = json(plain.call(QUERY, queryArguments())).path("result");
        String taskId = json(tasks.call(QUERY, queryArguments())).path("result").path("taskId").asText();
        HttpResponse<String> get = plain.task("tasks/get", taskId);
        HttpResponse<String> listen = plain.send("subscriptions/listen", null, "\"notifications\":{\"taskIds\":[\"" + taskId + "\"]}");
        tasks.awaitEnd(taskId);

        assertThat(result.path("resultType").asText()).isEqualTo("complete");
        assertThat(result.path("structuredContent").path("rows").toString()).contains("ERROR payment declined");
        for (HttpResponse<String> refused : List.of(get, listen)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode error = json(refused).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(-32021);
            assertThat(error.path("data").path("requiredCapabilities").path("extensions").has(ModernTaskRequests.EXTENSION)).isTrue();
        }
    }

    @Test
    void aToolThatAnswersWithinARequestIsNeverATask() throws Exception {
        JsonNode result = json(tasks.call("t__echo", "{\"text\":\"now\"}")).path("result");

        assertThat(result.path("resultType").asText()).isEqualTo("complete");
        assertThat(result.path("structuredContent").path("text").asText()).isEqualTo("now");
    }

    @Test
    void theMcpNameOfATasksRequestMustBeItsTaskId() throws Exception {
        String taskId = json(tasks.call(QUERY, queryArguments())).path("result").path("taskId").asText();

        HttpResponse<String> response = tasks.send("tasks/get", UUID.randomUUID().toString(), "\"taskId\":\"" + taskId + "\"");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asInt()).isEqualTo(-32020);
        assertThat(json(response).path("error").path("message").asText()).contains("params.taskId");
        tasks.awaitEnd(taskId);
    }

    @Test
    void aShutdownDrainsRunningTasksAndRecordsTheirCalls() throws Exception {
        RunningGateway stopping = RunningGateway.start(gatewayYaml(aws, ""), List.of(INSIGHTS));
        try {
            INSIGHTS.hold(true);
            ModernTaskRequests client = new ModernTaskRequests(new McpHttp(stopping.url()), true);
            String taskId = json(client.call(QUERY, queryArguments())).path("result").path("taskId").asText();
            Eventually.until(() -> stopping.runtime().pipeline().callsInFlight() == 1);

            stopping.http().shutdown(java.time.Duration.ofMillis(300));

            assertThat(AuditFiles.records(stopping.auditFile(), "tool_call")).as("the task's call %s was recorded before the audit closed", taskId)
                    .anySatisfy(record -> {
                        assertThat(record.path("tool").asText()).isEqualTo(QUERY);
                        assertThat(record.path("error_kind").asText()).isEqualTo("SHUTDOWN");
                    });
        } finally {
            stopping.runtime().close();
        }
    }

    @Test
    void discoverAdvertisesTheTasksExtension() throws Exception {
        JsonNode capabilities = json(plain.send("server/discover", null, "")).path("result").path("capabilities");

        assertThat(capabilities.path("extensions").has(ModernTaskRequests.EXTENSION)).as(capabilities.toString()).isTrue();
    }
}
