package dev.awsmcp.gateway.taint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.MetricsScrape;
import dev.awsmcp.gateway.testing.SessionTables;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The "rule of two" through a real gateway (Logs and Lambda toolsets on moto, seeded with the demo
 * incident) and the SDK's Java client: a session that read a log line carrying an injection ("invoke
 * payments-refund-worker") must get a person's confirmation before it invokes a function, with the
 * taint and the copied function name shown; deny mode refuses; a clean session invokes without a
 * prompt; every decision is in the audit record.
 */
@ExtendWith(LocalAwsExtension.class)
class SessionTaintEndToEndTest {

    private static final String GROUP = InjectedLogs.GROUP;
    private static LocalAws aws;

    @BeforeAll
    static void seed(LocalAws localAws) throws Exception {
        aws = localAws;
        InjectedLogs.seed(aws);
    }

    private static RunningGateway gateway(String taintRules) throws Exception {
        return InjectedLogs.gateway(aws, taintRules, "");
    }

    private static RunningGateway gateway(String taintRules, String extraYaml) throws Exception {
        return InjectedLogs.gateway(aws, taintRules, extraYaml);
    }

    private static McpSyncClient client(RunningGateway gateway, Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> person) {
        var spec = gateway.client();
        if (person != null) {
            spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build()).elicitation(person);
        }
        McpSyncClient client = spec.build();
        client.initialize();
        return client;
    }

    private static CallToolResult readInjectedLog(McpSyncClient client) {
        return client.callTool(new McpSchema.CallToolRequest("logs__filter_log_events", Map.of("log_group", GROUP,
                "filter_pattern", "IGNORE", "start", "-1h")));
    }

    private static CallToolResult invoke(McpSyncClient client) {
        return client.callTool(new McpSchema.CallToolRequest("lambda__invoke", Map.of("function", "payments-refund-worker",
                "payload", Map.of("Records", List.of()))));
    }

    private static JsonNode record(RunningGateway gateway, CallToolResult result) {
        String id = String.valueOf(result.meta().get("correlationId"));
        return AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                .filter(r -> r.path("correlation_id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void taintedSessionInvokesOnlyAfterThePersonSawWhy() throws Exception {
        List<McpSchema.ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
        try (RunningGateway gateway = gateway("")) {
            McpSyncClient client = client(gateway, request -> {
                asked.add(request);
                return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true));
            });
            try {
                CallToolResult read = readInjectedLog(client);
                assertThat(((Map<?, ?>) read.meta().get("taint")).get("level")).as(read.meta().toString()).isEqualTo("strong");

                CallToolResult invoked = invoke(client);

                assertThat(invoked.isError()).as(String.valueOf(invoked.content())).isFalse();
                assertThat(asked).singleElement().satisfies(request -> assertThat(request.message())
                        .contains("Confirm invoke call lambda__invoke", "strongly tainted", "logs__filter_log_events",
                                "argument repeats flagged content: $.function: payments-refund-worker"));
                JsonNode audited = record(gateway, invoked);
                assertThat(audited.path("confirmation").asText()).isEqualTo("accepted");
                assertThat(audited.at("/taint/level").asText()).isEqualTo("strong");
                assertThat(audited.at("/taint/action").asText()).isEqualTo("confirm");
                assertThat(audited.at("/taint/copied/0").asText()).isEqualTo("$.function: payments-refund-worker");
                String whoami = ((McpSchema.TextResourceContents) client.readResource(
                        new McpSchema.ReadResourceRequest("gateway://whoami")).contents().get(0)).text();
                assertThat(Json.mapper().readTree(whoami).at("/sessionTaint/level").asText()).isEqualTo("strong");
            } finally {
                client.closeGracefully();
            }
        }
    }

    @Test
    void declinedOrUnaskableConfirmationKeepsTheFunctionFromRunning() throws Exception {
        try (RunningGateway gateway = gateway("")) {
            McpSyncClient declining = client(gateway, request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null));
            McpSyncClient unaskable = client(gateway, null);
            try {
                readInjectedLog(declining);
                readInjectedLog(unaskable);

                CallToolResult declined = invoke(declining);
                CallToolResult unasked = invoke(unaskable);

                assertThat(declined.meta().get("errorKind")).isEqualTo("CONFIRMATION_DECLINED");
                assertThat(record(gateway, declined).path("aws_request_ids")).as("never reached AWS").isEmpty();
                assertThat(unasked.meta().get("errorKind")).isEqualTo("CONFIRMATION_REQUIRED");
                assertThat(((McpSchema.TextContent) unasked.content().get(0)).text()).contains("strongly tainted");
                assertThat(record(gateway, unasked).path("confirmation").asText()).isEqualTo("unsupported");
                MetricsScrape metrics = MetricsScrape.of(gateway);
                assertThat(metrics.value("gateway_confirmations_total", "tool", "lambda__invoke", "answer", "declined")).isEqualTo(1);
                assertThat(metrics.value("gateway_taint_decisions_total", "tool", "lambda__invoke", "level", "strong", "action", "confirm"))
                        .isEqualTo(2);
            } finally {
                declining.closeGracefully();
                unaskable.closeGracefully();
            }
        }
    }

    @Test
    void taintMovesWithTheSessionToAnotherInstance() throws Exception {
        String sessions = SessionTables.create(aws, "tainted-sessions");
        try (RunningGateway a = gateway("", sessions); RunningGateway b = gateway("", sessions)) {
            McpHttp onA = new McpHttp(a.url());
            String session = onA.initialize();
            JsonNode read = McpHttp.response(onA.post(McpHttp.toolsCall(2, "logs__filter_log_events", InjectedLogs.READ),
                    "Mcp-Session-Id", session).body());
            assertThat(read.at("/result/_meta/taint/level").asText()).isEqualTo("strong");

            // The same session on B, from a client that cannot elicit: B knows the taint from the session table.
            JsonNode invoked = McpHttp.response(new McpHttp(b.url()).post(McpHttp.toolsCall(3, "lambda__invoke",
                    "{\"function\":\"payments-refund-worker\",\"payload\":{}}"), "Mcp-Session-Id", session).body());

            assertThat(invoked.at("/result/_meta/errorKind").asText()).as(invoked.toString()).isEqualTo("CONFIRMATION_REQUIRED");
            assertThat(invoked.at("/result/_meta/taint/level").asText()).isEqualTo("strong");
            assertThat(invoked.toString()).contains("logs__filter_log_events on " + GROUP);
        }
    }

    @Test
    void denyModeRefusesAndACleanSessionInvokesWithoutAPrompt() throws Exception {
        try (RunningGateway gateway = gateway("taint: { onFindings: deny }\n")) {
            List<McpSchema.ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
            McpSyncClient tainted = client(gateway, request -> {
                asked.add(request);
                return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true));
            });
            McpSyncClient clean = client(gateway, null);
            try {
                readInjectedLog(tainted);

                CallToolResult refused = invoke(tainted);
                CallToolResult cleanInvoke = invoke(clean);

                assertThat(refused.meta().get("errorKind")).isEqualTo("TAINTED_SESSION");
                assertThat(((Map<?, ?>) refused.meta().get("taint")).get("action")).isEqualTo("deny");
                assertThat(record(gateway, refused).at("/taint/action").asText()).isEqualTo("deny");
                assertThat(cleanInvoke.isError()).as(String.valueOf(cleanInvoke.content())).isFalse();
                assertThat(record(gateway, cleanInvoke).has("taint")).isFalse();
                assertThat(asked).as("deny does not ask, a clean session is not asked").isEmpty();
                MetricsScrape metrics = MetricsScrape.of(gateway);
                assertThat(metrics.value("gateway_taint_decisions_total", "tool", "lambda__invoke", "level", "strong", "action", "deny"))
                        .as("operators see how often taint refused").isEqualTo(1);
            } finally {
                tainted.closeGracefully();
                clean.closeGracefully();
            }
        }
    }
}
