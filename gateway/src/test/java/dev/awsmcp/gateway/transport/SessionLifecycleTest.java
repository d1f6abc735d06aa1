package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.testing.GatewayHttp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sessions over time: idle expiry, the session cap, the listening stream and per-session notifications. */
class SessionLifecycleTest {

    @Test
    void idleSessionIsSweptAndThenUnknown() throws Exception {
        try (RunningGateway gateway = RunningGateway.echo("sessionIdleTimeout: 1s")) {
            McpHttp http = new McpHttp(gateway.url());
            String session = http.initialize();
            assertThat(gateway.http().transport().sessionCount()).isEqualTo(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (gateway.http().transport().sessionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(gateway.http().transport().sessionCount()).isZero();
            assertThat(http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"x\"}"), "Mcp-Session-Id", session).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void sessionCapRefusesNewSessionsUntilOneEnds() throws Exception {
        try (RunningGateway gateway = RunningGateway.echo("maxSessions: 2")) {
            McpHttp http = new McpHttp(gateway.url());
            String first = http.initialize();
            http.initialize();
            HttpResponse<String> third = http.post(McpHttp.INITIALIZE);
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.body()).contains("too many open sessions");
            http.send("DELETE", null, "Mcp-Session-Id", first);
            assertThat(http.post(McpHttp.INITIALIZE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void listeningStreamDeliversNotificationsForItsSessionOnly() throws Exception {
        try (RunningGateway gateway = RunningGateway.echo("")) {
            McpHttp http = new McpHttp(gateway.url());
            String session = http.initialize();
            String other = http.initialize();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpClient client = GatewayHttp.CLIENT;
            HttpRequest get = HttpRequest.newBuilder(gateway.url()).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + RunningGateway.TEST_KEY)
                    .header("Mcp-Session-Id", session).GET().build();
            var response = client.sendAsync(get, HttpResponse.BodyHandlers.ofLines())
                    // The body is read until the stream ends: on a thread of its own, never the test's or a shared pool's.
                    .thenAcceptAsync(r -> {
                        lines.add("status " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse(""));
                        r.body().forEach(lines::add);
                    }, task -> {
                        Thread reader = new Thread(task, "sse-reader");
                        reader.setDaemon(true);
                        reader.start();
                    });
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("status 200 text/event-stream");
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(": stream open");

            gateway.http().transport().notifyClient(other, "notifications/message", Map.of("level", "info", "data", "not for you")).block();
            gateway.http().transport().notifyClient(session, "notifications/tools/list_changed", Map.of()).block(Duration.ofSeconds(5));
            String data = null;
            for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
                if (line.startsWith("data: ")) {
                    data = line;
                    break;
                }
            }
            assertThat(data).contains("notifications/tools/list_changed").doesNotContain("not for you");
            response.cancel(true);
        }
    }
}
