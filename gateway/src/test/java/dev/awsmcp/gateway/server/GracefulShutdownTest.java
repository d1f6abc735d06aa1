package dev.awsmcp.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.FileSinkConfig;
import dev.awsmcp.gateway.testing.GatewayProcess;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a real gateway process under load: every call that started is answered (or, past the
 * drain time, stopped and answered so) with its audit record; every request after the signal is
 * refused with 503 and Retry-After or finds the port closed; the process exits 0 with its audit
 * trail flushed and intact.
 */
class GracefulShutdownTest {

    private static final int CALLS = 6;

    private final ExecutorService clients = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "shutdown-test-client");
        t.setDaemon(true);
        return t;
    });
    private GatewayProcess gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        clients.shutdownNow();
    }

    @Test
    void finishesCallsInFlightThenRefusesNewOnesAndExitsZero() throws Exception {
        Path config = start("10s");
        McpHttp http = new McpHttp(gateway.url());
        String session = http.initialize();
        List<CompletableFuture<HttpResponse<String>>> inFlight = sleepCalls(http, session, 2_000);
        awaitSleepsStarted();

        gateway.terminate();
        List<Integer> afterSignal = requestsUntilClosed(http, session);

        assertThat(gateway.awaitExit(30)).as(gateway.output()).isZero();
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            JsonNode result = result(call.get(5, TimeUnit.SECONDS));
            assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
            assertThat(result.path("structuredContent").path("slept").asLong()).isEqualTo(2_000);
        }
        // Requests that arrive before the process has handled the signal are served; from the first refusal on, all are refused.
        List<Integer> refused = afterSignal.subList(Math.max(0, afterSignal.indexOf(503)), afterSignal.size());
        assertThat(refused).as("requests after SIGTERM are refused with 503 until the port closes: " + afterSignal)
                .isNotEmpty().containsOnly(503);
        assertThat(afterSignal.subList(0, afterSignal.size() - refused.size())).allMatch(code -> code == 200);
        List<JsonNode> calls = AuditFiles.records(auditFile(config), "tool_call");
        assertThat(calls).hasSize(CALLS).allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("success"));
        assertThat(AuditFiles.records(auditFile(config), "session_end"))
                .singleElement().satisfies(r -> assertThat(r.path("reason").asText()).isEqualTo("shutdown"));
        assertThat(AuditFiles.verify(auditFile(config)).exitCode()).isZero();
        assertThat(gateway.output()).contains("shutdown: drained");
    }

    @Test
    void stopsCallsStillRunningAtTheDrainTimeoutAndAuditsThem() throws Exception {
        Path config = start("1s");
        McpHttp http = new McpHttp(gateway.url());
        String session = http.initialize();
        List<CompletableFuture<HttpResponse<String>>> inFlight = sleepCalls(http, session, 8_000);
        awaitSleepsStarted();

        gateway.terminate();

        assertThat(gateway.awaitExit(30)).as(gateway.output()).isZero();
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            JsonNode result = result(call.get(5, TimeUnit.SECONDS));
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(result.path("_meta").path("errorKind").asText()).isEqualTo("SHUTDOWN");
            assertThat(result.path("content").get(0).path("text").asText()).contains("check before repeating a write");
        }
        List<JsonNode> calls = AuditFiles.records(auditFile(config), "tool_call");
        assertThat(calls).hasSize(CALLS).allSatisfy(r -> {
            assertThat(r.path("outcome").asText()).isEqualTo("tool_error");
            assertThat(r.path("error_kind").asText()).isEqualTo("SHUTDOWN");
        });
        assertThat(AuditFiles.verify(auditFile(config)).exitCode()).isZero();
        assertThat(gateway.output()).contains("stopped " + CALLS + " call(s)");
    }

    private Path start(String drainTimeout) throws Exception {
        Path config = RunningGateway.configFile("server: { host: 127.0.0.1, port: 0, drainTimeout: " + drainTimeout + " }\n"
                + "admin: { port: 0 }\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\nlimits: { callTimeout: 10s }\n");
        gateway = GatewayProcess.serve(config);
        return config;
    }

    private List<CompletableFuture<HttpResponse<String>>> sleepCalls(McpHttp http, String session, long millis) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            String body = McpHttp.toolsCall(10 + i, "t__sleep", "{\"millis\":" + millis + "}");
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return http.post(body, "Mcp-Session-Id", session);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, clients));
        }
        return calls;
    }

    /** Waits (bounded) until the toolset reports every sleep started: the calls are in flight. */
    private void awaitSleepsStarted() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (gateway.output().split("sleep of \\d+ ms started", -1).length - 1 < CALLS) {
            assertThat(System.nanoTime()).as("calls in flight; output:\n" + gateway.output()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Sends tools/list until the listener is gone; returns the statuses answered meanwhile. */
    private static List<Integer> requestsUntilClosed(McpHttp http, String session) throws InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        String list = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/list\"}";
        for (int i = 0; i < 2_000; i++) {
            try {
                HttpResponse<String> response = http.post(list, "Mcp-Session-Id", session);
                statuses.add(response.statusCode());
                if (response.statusCode() == 503) {
                    assertThat(response.headers().firstValue("Retry-After")).contains("1");
                    assertThat(response.body()).contains("shutting down");
                }
            } catch (IOException e) {
                return statuses;
            }
            Thread.sleep(25);
        }
        return statuses;
    }

    private static JsonNode result(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpHttp.response(response.body()).path("result");
    }

    private static Path auditFile(Path config) {
        return new ConfigLoader().load(config).audit().sinks().stream()
                .filter(FileSinkConfig.class::isInstance)
                .map(s -> Path.of(((FileSinkConfig) s).path()))
                .findFirst().orElseThrow();
    }
}
