package dev.awsmcp.gateway.taint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.BlackholeServer;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The "rule of two" for MCP 2026-07-28 clients, which have no session, through a real gateway (Logs and Lambda on moto, the
 * injected log line of {@link InjectedLogs}) and raw HTTP: what one request of a principal read taints its later requests,
 * whatever client name they give, so an invoke that repeats the injection's function must be confirmed (or is denied, per
 * the team's policy); other principals and a 2025-11-25 session (per-session taint) are unaffected; when the taint cannot
 * be read or written, state-changing calls are refused and results withheld.
 */
@ExtendWith(LocalAwsExtension.class)
class PrincipalTaintEndToEndTest {

    private static LocalAws aws;

    @BeforeAll
    static void seed(LocalAws localAws) throws Exception {
        aws = localAws;
        InjectedLogs.seed(aws);
    }

    private static JsonNode result(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpHttp.message(response).path("result");
    }

    private static JsonNode record(RunningGateway gateway, JsonNode result) {
        String id = result.at("/_meta/correlationId").asText();
        return AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                .filter(r -> r.path("correlation_id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aReadTaintsThePrincipalsLaterRequestsWhateverTheClientCallsItself() throws Exception {
        try (RunningGateway gateway = InjectedLogs.gateway(aws, "", "")) {
            McpHttp test = new McpHttp(gateway.url());
            JsonNode read = result(test.modernCall("logs__filter_log_events", InjectedLogs.READ, "agent-one"));
            assertThat(read.at("/_meta/taint/level").asText()).as(read.toString()).isEqualTo("strong");

            JsonNode invoked = result(test.modernCall("lambda__invoke", InjectedLogs.INVOKE, "a-different-name"));

            assertThat(invoked.at("/_meta/errorKind").asText()).as(invoked.toString()).isEqualTo("CONFIRMATION_REQUIRED");
            assertThat(invoked.at("/_meta/taint/level").asText()).isEqualTo("strong");
            assertThat(invoked.at("/content/0/text").asText()).contains("your requests without a session are strongly tainted",
                    "logs__filter_log_events on " + InjectedLogs.GROUP, "argument repeats flagged content: $.function: payments-refund-worker");
            JsonNode audited = record(gateway, invoked);
            assertThat(audited.at("/taint/action").asText()).isEqualTo("confirm");
            assertThat(audited.path("confirmation").asText()).isEqualTo("unsupported");
            assertThat(audited.path("aws_request_ids")).as("never reached AWS").isEmpty();

            JsonNode otherPrincipal = result(new McpHttp(gateway.url(), RunningGateway.OTHER_KEY)
                    .modernCall("lambda__invoke", InjectedLogs.INVOKE, "agent-one"));
            assertThat(otherPrincipal.path("isError").asBoolean()).as(otherPrincipal.toString()).isFalse();
            // A 2025-11-25 session keeps its own taint, and a new one starts clean (as it always did).
            String session = test.initialize();
            JsonNode inSession = McpHttp.response(test.post(McpHttp.toolsCall(2, "lambda__invoke", InjectedLogs.INVOKE),
                    "Mcp-Session-Id", session).body()).path("result");
            assertThat(inSession.path("isError").asBoolean()).as(inSession.toString()).isFalse();
        }
    }

    @Test
    void denyModeRefusesAModernInvokeAndSaysHowLongTheTaintLasts() throws Exception {
        try (RunningGateway gateway = InjectedLogs.gateway(aws, "taint: { onFindings: deny }\n", "taint: { window: 30m }\n")) {
            McpHttp test = new McpHttp(gateway.url());
            result(test.modernCall("logs__filter_log_events", InjectedLogs.READ, "agent-one"));

            JsonNode refused = result(test.modernCall("lambda__invoke", InjectedLogs.INVOKE, "agent-one"));

            assertThat(refused.at("/_meta/errorKind").asText()).as(refused.toString()).isEqualTo("TAINTED_SESSION");
            assertThat(refused.at("/_meta/taint/action").asText()).isEqualTo("deny");
            assertThat(refused.at("/content/0/text").asText()).contains("your requests without a session are strongly tainted",
                    "stay tainted until 30m (taint.window) pass");
            assertThat(record(gateway, refused).at("/taint/action").asText()).isEqualTo("deny");
        }
    }

    @Test
    void whenTheTaintCannotBeKeptModernCallsFailClosed() throws Exception {
        try (BlackholeServer blackhole = new BlackholeServer(); RunningGateway gateway = RunningGateway.start("""
                server: { host: 127.0.0.1 }
                toolsets:
                  - { id: t, type: test-echo, region: us-east-1, access: [read, write] }
                sessions: { store: dynamodb, table: unreachable, region: us-east-1, endpoint: "%s", callTimeout: 300ms }
                """.formatted(blackhole.endpoint()))) {
            McpHttp test = new McpHttp(gateway.url());

            JsonNode read = result(test.modernCall("t__echo", "{\"text\":\"hello\"}", "agent-one"));
            JsonNode write = result(test.modernCall("t__fail", "{}", "agent-one"));

            assertThat(read.at("/_meta/errorKind").asText()).as(read.toString()).isEqualTo("UNAVAILABLE");
            assertThat(read.at("/content/0/text").asText()).contains("withheld").doesNotContain("hello");
            assertThat(write.at("/_meta/errorKind").asText()).as(write.toString()).isEqualTo("UNAVAILABLE");
            assertThat(write.at("/content/0/text").asText()).contains("the taint state of your requests could not be read");
        }
    }
}
