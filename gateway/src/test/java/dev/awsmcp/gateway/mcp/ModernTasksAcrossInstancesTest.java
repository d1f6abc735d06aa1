package dev.awsmcp.gateway.mcp;

import static dev.awsmcp.gateway.mcp.ModernTaskRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.Eventually;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.gateway.testing.SessionTables;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tasks of the MCP tasks extension shared by two gateway instances on one DynamoDB session table (moto): a task started
 * on one is answered by the other, with the outcome the first wrote; a cancel sent to the other stops the call on the
 * instance running it (which looks at its tasks every poll interval), and that instance audits the call cancelled.
 */
@ExtendWith(LocalAwsExtension.class)
class ModernTasksAcrossInstancesTest {

    private static final HeldInsightsQueries INSIGHTS = new HeldInsightsQueries();
    private static RunningGateway first;
    private static RunningGateway second;
    private static ModernTaskRequests onFirst;
    private static ModernTaskRequests onSecond;

    @BeforeAll
    static void start(LocalAws aws) {
        ModernTasksTest.seed(aws);
        String yaml = ModernTasksTest.gatewayYaml(aws, SessionTables.create(aws, "tasks-sessions"));
        first = RunningGateway.start(yaml, List.of(INSIGHTS));
        second = RunningGateway.start(yaml, List.of(INSIGHTS));
        onFirst = new ModernTaskRequests(new McpHttp(first.url()), true);
        onSecond = new ModernTaskRequests(new McpHttp(second.url()), true);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @AfterEach
    void release() {
        INSIGHTS.hold(false);
    }

    @Test
    void aTaskStartedOnOneInstanceIsAnsweredByTheOther() throws Exception {
        INSIGHTS.hold(true);
        String taskId = json(onFirst.call(ModernTasksTest.QUERY, ModernTasksTest.queryArguments())).path("result").path("taskId").asText();

        assertThat(json(onSecond.task("tasks/get", taskId)).path("result").path("status").asText()).isEqualTo("working");
        HttpResponse<String> foreign = new ModernTaskRequests(new McpHttp(second.url(), RunningGateway.OTHER_KEY), true)
                .task("tasks/get", taskId);
        assertThat(json(foreign).path("error").path("code").asInt()).isEqualTo(-32602);

        INSIGHTS.hold(false);
        JsonNode completed = onSecond.awaitEnd(taskId);
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("result").path("structuredContent").path("rows").toString()).contains("ERROR payment declined");
    }

    @Test
    void aCancelSentToTheOtherInstanceStopsTheCallWhereItRuns() throws Exception {
        INSIGHTS.hold(true);
        int stops = INSIGHTS.sent("StopQuery");
        String taskId = json(onFirst.call(ModernTasksTest.QUERY, ModernTasksTest.queryArguments())).path("result").path("taskId").asText();
        Eventually.until(() -> first.runtime().pipeline().callsInFlight() == 1);

        assertThat(onSecond.task("tasks/cancel", taskId).statusCode()).isEqualTo(200);

        assertThat(json(onFirst.task("tasks/get", taskId)).path("result").path("status").asText()).isEqualTo("cancelled");
        Eventually.until(() -> INSIGHTS.sent("StopQuery") > stops);
        Eventually.until(() -> AuditFiles.records(first.auditFile(), "tool_call").stream()
                .anyMatch(record -> record.path("tool").asText().equals(ModernTasksTest.QUERY)
                        && record.path("outcome").asText().equals("cancelled")));
        assertThat(AuditFiles.records(second.auditFile(), "tool_call")).as("the call ran on the first instance only").isEmpty();
    }
}
