package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.testing.EchoToolsetFactory;
import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code notifications/cancelled} for a running tool call, through a real gateway: the toolset is told
 * (its work stops), no response is sent for the request, and the call's audit record says cancelled.
 * Once with the TypeScript SDK's client aborting a call, once with raw HTTP to see the stream itself.
 */
class CancellationEndToEndTest {

    private static JsonNode awaitRecord(RunningGateway gateway, String outcome) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<JsonNode> records = AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                    .filter(r -> r.path("outcome").asText().equals(outcome)).toList();
            if (!records.isEmpty()) {
                return records.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no tool_call record with outcome " + outcome);
    }

    @Test
    void typescriptClientAbortCancelsTheCallAndItsToolsetWork() throws Exception {
        int cancelledBefore = EchoToolsetFactory.CANCELLED_SLEEPS.get();
        try (RunningGateway gateway = RunningGateway.echo("")) {
            long start = System.nanoTime();
            ExternalCommand.Outcome run = ExternalCommand.run(ExternalCommand.repositoryRoot(), 60, List.of("node", "e2e/ts-client.mjs",
                    "--url", gateway.url().toString(), "--header", "Authorization: Bearer " + RunningGateway.TEST_KEY,
                    "--call", "t__sleep", "--args", "{\"millis\":1900}", "--cancel-after", "300"));

            assertThat(run.exitCode()).as(run.transcript()).isZero();
            JsonNode answer = Json.mapper().readTree(run.stdout());
            assertThat(answer.at("/call/cancelled").asBoolean()).as(run.stdout()).isTrue();
            JsonNode record = awaitRecord(gateway, "cancelled");
            assertThat(record.path("tool").asText()).isEqualTo("t__sleep");
            assertThat(record.path("error_kind").asText()).isEqualTo("CANCELLED");
            assertThat(record.path("duration_ms").asLong()).as("recorded when cancelled, not when the sleep would end").isLessThan(1900);
            assertThat(EchoToolsetFactory.CANCELLED_SLEEPS.get()).as("the toolset saw the cancellation").isEqualTo(cancelledBefore + 1);
        }
    }

    @Test
    void cancelledRequestGetsNoResponseAndOthersAreUntouched() throws Exception {
        try (RunningGateway gateway = RunningGateway.echo("")) {
            McpHttp http = new McpHttp(gateway.url());
            String session = http.initialize();
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> post(http, session,
                    McpHttp.toolsCall(7, "t__sleep", "{\"millis\":1900}")));
            CompletableFuture<HttpResponse<String>> other = CompletableFuture.supplyAsync(() -> post(http, session,
                    McpHttp.toolsCall(8, "t__sleep", "{\"millis\":600}")));
            while (gateway.runtime().pipeline().callsInFlight() < 2) {
                Thread.sleep(10);
            }

            HttpResponse<String> accepted = http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                    + "{\"requestId\":7,\"reason\":\"user gave up\"}}", "Mcp-Session-Id", session);
            HttpResponse<String> foreign = http.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                    + "{\"requestId\":8}}", "Mcp-Session-Id", new McpHttp(gateway.url()).initialize());

            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(foreign.statusCode()).as("another session's cancellation touches nothing").isEqualTo(202);
            HttpResponse<String> cancelled = slow.get(10, TimeUnit.SECONDS);
            assertThat(cancelled.statusCode()).isEqualTo(200);
            assertThat(McpHttp.sseData(cancelled.body())).as("no response for a cancelled request").isEmpty();
            JsonNode untouched = McpHttp.response(other.get(10, TimeUnit.SECONDS).body());
            assertThat(untouched.at("/result/structuredContent/slept").asLong()).isEqualTo(600);
            assertThat(awaitRecord(gateway, "cancelled").at("/arguments/millis").asLong()).isEqualTo(1900);
        }
    }

    private static HttpResponse<String> post(McpHttp http, String session, String body) {
        try {
            return http.post(body, "Mcp-Session-Id", session);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
