package dev.awsmcp.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.ConfirmingDemo;
import dev.awsmcp.gateway.testing.DemoProcess;
import dev.awsmcp.gateway.testing.ScenarioClient;
import dev.awsmcp.gateway.testing.ScenarioClient.Answer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The current MCP client SDKs drive the real jar's demo: the Python SDK ({@code mcp} 2.3.0,
 * e2e/py-client.py) and the TypeScript SDK v2 client ({@code @modelcontextprotocol/client} 2.4.0,
 * e2e/ts-client-v2.mjs) run the same scenarios: a read walk, progress, cancellation (audited), a
 * confirmation by a person accepted and declined, and the tool list changing after a policy reload.
 * {@link Scenarios} runs each scenario once per client and negotiation mode and checks the era the
 * client ended in, since both SDKs fall back to the legacy handshake silently. The shipped demo confirms
 * nothing (its policies grant reads only), so it runs on {@link ConfirmingDemo}'s copy, where the payments
 * team confirms Lambda invocations.
 */
class ClientSdksIT {

    private static final Map<String, Object> STUCK_ORDERS = Map.of("table", "payments-orders", "index", "status-created_at-index",
            "key_condition", "#s = :s", "expression_attribute_names", Map.of("#s", "status"),
            "expression_attribute_values", Map.of(":s", "PAYMENT_PENDING"), "limit", 5);
    private static final String LIST_CHANGED = "notifications/tools/list_changed";
    /** Makes each run's arguments unique, so the gateway's result cache never answers and audit records are found by them. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static ConfirmingDemo demoFiles;
    private static DemoProcess demo;

    @BeforeAll
    static void startDemo(@TempDir Path dir) throws Exception {
        demoFiles = ConfirmingDemo.writeTo(dir);
        demo = DemoProcess.start("--config", demoFiles.config().toString());
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.close();
    }

    /** 2025-11-25 with sessions, as the gateway serves it today. */
    @Nested
    class Legacy extends Scenarios {
        @Override
        Stream<ScenarioClient> clients() {
            return ScenarioClient.each("legacy");
        }
    }

    /** 2026-07-28, negotiated ({@code auto}: server/discover first) and pinned. */
    @Nested
    class Modern extends Scenarios {
        @Override
        Stream<ScenarioClient> clients() {
            return ScenarioClient.each("auto", "2026-07-28");
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scenarios {

        abstract Stream<ScenarioClient> clients();

        @ParameterizedTest(name = "{0}")
        @MethodSource("clients")
        void walkSeesTheTeamsToolsAndFindsTheStuckOrders(ScenarioClient client) {
            Answer answer = client.run(demo.url(), demo.paymentsKey(), "walk", Map.of("tool", "ddb__query", "arguments", STUCK_ORDERS));

            assertNegotiated(client, answer);
            assertThat(answer.result().get("tools")).extracting(JsonNode::asText)
                    .contains("ddb__query", "logs__run_insights_query", "lambda__invoke").doesNotContain("ddb__scan");
            if (client.expectedEra().equals("modern")) {
                assertThat(answer.result().path("cacheScope").asText()).as("a team's list is private").isEqualTo("private");
            }
            JsonNode call = answer.call();
            assertThat(call.path("isError").asBoolean()).as(answer.transcript()).isFalse();
            assertThat(call.at("/structuredContent/items")).hasSize(5)
                    .allSatisfy(item -> assertThat(item.path("last_error").asText()).startsWith("PaymentProviderTimeout"));
            assertThat(call.at("/_meta/untrusted/source/tool").asText()).isEqualTo("ddb__query");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("clients")
        void progressOfAnInsightsQueryReachesTheClient(ScenarioClient client) {
            Answer answer = client.run(demo.url(), demo.paymentsKey(), "progress",
                    Map.of("tool", "logs__run_insights_query", "arguments", insightsQuery()));

            assertNegotiated(client, answer);
            JsonNode events = answer.result().get("progress");
            assertThat(events).as(answer.transcript()).isNotEmpty();
            assertThat(events.get(0).path("message").asText()).startsWith("Insights query");
            assertThat(events).extracting(e -> e.path("progress").asDouble()).as("progress increases").isSorted().doesNotHaveDuplicates();
            assertThat(answer.call().at("/structuredContent/status").asText()).as(answer.transcript()).isEqualTo("Complete");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("clients")
        void aCancelledCallStopsAndItsAuditRecordSaysCancelled(ScenarioClient client) throws Exception {
            Map<String, Object> query = insightsQuery();
            // The poller waits 300 ms before its first look at the query, so 150 ms falls inside the call.
            Answer answer = client.run(demo.url(), demo.paymentsKey(), "cancel",
                    Map.of("tool", "logs__run_insights_query", "arguments", query, "afterMs", 150));

            assertNegotiated(client, answer);
            assertThat(answer.result().path("cancelled").asBoolean()).as("the client gave up before the answer: %s", answer.transcript()).isTrue();
            JsonNode record = AuditFiles.await(demo.auditFile(), "tool_call", r -> r.at("/arguments/query").asText().equals(query.get("query")));
            assertThat(record.path("outcome").asText()).as(record.toString()).isEqualTo("cancelled");
            assertThat(record.path("error_kind").asText()).isEqualTo("CANCELLED");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("clients")
        void anAcceptedConfirmationRunsExactlyTheInvocationThePersonSaw(ScenarioClient client) throws Exception {
            Confirmation confirmation = confirm(client, "accept");

            assertThat(confirmation.call().path("isError").asBoolean()).as(confirmation.answer().transcript()).isFalse();
            assertThat(confirmation.record().path("confirmation").asText()).isEqualTo("accepted");
            assertThat(confirmation.record().path("outcome").asText()).isEqualTo("success");
            assertThat(confirmation.answer().result().at("/rounds/0/message").asText()).as("the digest shown is of the arguments that ran")
                    .contains(confirmation.record().path("arguments_sha256").asText());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("clients")
        void aDeclinedConfirmationRefusesTheInvocationBeforeAws(ScenarioClient client) throws Exception {
            Confirmation confirmation = confirm(client, "decline");

            assertThat(confirmation.call().path("isError").asBoolean()).as(confirmation.answer().transcript()).isTrue();
            assertThat(confirmation.call().at("/_meta/errorKind").asText()).isEqualTo("CONFIRMATION_DECLINED");
            assertThat(confirmation.record().path("confirmation").asText()).isEqualTo("declined");
            assertThat(confirmation.record().get("aws_request_ids")).as("no AWS call").isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("clients")
        void aPolicyReloadTellsTheListeningClientAndChangesItsTools(ScenarioClient client) throws Exception {
            ScenarioClient.Started listening = client.start(demo.url(), demo.paymentsKey(), "listen", Map.of("seconds", 30));
            boolean granted = demoFiles.toggleTool("ddb", "execute_partiql");
            Answer answer = listening.answer();

            assertNegotiated(client, answer);
            assertThat(answer.result().get("events")).as(answer.transcript()).extracting(JsonNode::asText).contains(LIST_CHANGED);
            JsonNode before = answer.result().get("toolsBefore");
            JsonNode after = answer.result().get("toolsAfter");
            assertThat((granted ? after : before)).extracting(JsonNode::asText).contains("ddb__execute_partiql");
            assertThat((granted ? before : after)).extracting(JsonNode::asText).doesNotContain("ddb__execute_partiql");
        }
    }

    private static void assertNegotiated(ScenarioClient client, Answer answer) {
        assertThat(answer.era()).as("%s ended in the wrong era:%n%s", client, answer.transcript()).isEqualTo(client.expectedEra());
        assertThat(answer.protocolVersion()).isEqualTo(client.expectedEra().equals("modern") ? "2026-07-28" : "2025-11-25");
        if (client.sdk() == ScenarioClient.Sdk.PYTHON && client.mode().equals("2026-07-28")) {
            // Python 2.3.0 pinned to 2026-07-28 skips server/discover and learns the server's identity only from it.
            assertThat(answer.json().path("serverInfo").isNull()).isTrue();
            return;
        }
        assertThat(answer.json().at("/serverInfo/name").asText()).isEqualTo("aws-mcp-gateway");
    }

    /** Unique arguments for logs__run_insights_query on the payments API's log group (moto evaluates fields and limit). */
    private static Map<String, Object> insightsQuery() {
        return Map.of("log_groups", List.of("/ecs/payments/api"), "query", "fields @timestamp, @message | limit " + RUNS.incrementAndGet(),
                "start", "-3h", "end", "now");
    }

    /** What the confirm scenario printed, and the audit record of its call. */
    private record Confirmation(Answer answer, JsonNode record) {
        JsonNode call() {
            return answer.call();
        }
    }

    /**
     * Invokes a payments Lambda function (unique payload) through the confirm scenario, the person answering
     * {@code reply}; checks that they were asked once, about this call.
     */
    private static Confirmation confirm(ScenarioClient client, String reply) throws InterruptedException {
        Answer answer = client.run(demo.url(), demo.paymentsKey(), "confirm", Map.of("tool", "lambda__invoke", "answer", reply,
                "arguments", Map.of("function", "payments-refund-worker", "payload", Map.of("order", "ord-e2e-" + RUNS.incrementAndGet()))));
        assertNegotiated(client, answer);
        JsonNode rounds = answer.result().get("rounds");
        assertThat(rounds).as(answer.transcript()).hasSize(1);
        assertThat(rounds.get(0).path("message").asText()).contains("lambda__invoke", "payments-refund-worker");
        assertThat(rounds.get(0).get("fields")).extracting(JsonNode::asText).containsExactly("confirm");
        String correlationId = answer.call().at("/_meta/correlationId").asText();
        return new Confirmation(answer, AuditFiles.await(demo.auditFile(), "tool_call", r -> r.path("correlation_id").asText().equals(correlationId)));
    }
}
