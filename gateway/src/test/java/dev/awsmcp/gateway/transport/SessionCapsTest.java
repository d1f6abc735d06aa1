package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Through a real gateway (sessions in memory): one principal cannot take the sessions every principal
 * shares. Its sessions are capped ({@code server.maxSessionsPerPrincipal}) and so is the rate at which it
 * starts them ({@code server.sessionStartsPerMinute}); past either it gets 429 naming the cap and the fix,
 * while another principal starts sessions as usual.
 */
class SessionCapsTest {

    @Test
    void aPrincipalAtItsCapIsRefusedWhileAnotherPrincipalIsNot() throws Exception {
        try (RunningGateway gateway = RunningGateway.echo("maxSessionsPerPrincipal: 2")) {
            McpHttp test = new McpHttp(gateway.url());
            String first = test.initialize();
            test.initialize();
            HttpResponse<String> third = test.post(McpHttp.INITIALIZE);
            assertThat(third.statusCode()).isEqualTo(429);
            StreamableHttpTransportTest.assertJsonRpcError(third, -32000, "you hold 2 open sessions, the most one principal may "
                    + "(server.maxSessionsPerPrincipal): end sessions you no longer use with DELETE (idle ones end after 30 min), "
                    + "or ask the gateway operator to raise the limit");

            McpHttp other = new McpHttp(gateway.url(), RunningGateway.OTHER_KEY);
            other.initialize();
            other.initialize();

            assertThat(test.send("DELETE", null, "Mcp-Session-Id", first).statusCode()).isEqualTo(200);
            assertThat(test.post(McpHttp.INITIALIZE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void concurrentStartsNeverExceedTheCap() throws Exception {
        try (RunningGateway gateway = RunningGateway.echo("maxSessionsPerPrincipal: 5")) {
            McpHttp test = new McpHttp(gateway.url());
            ExecutorService clients = Executors.newFixedThreadPool(20);
            try {
                List<Future<HttpResponse<String>>> starts = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    starts.add(clients.submit(() -> test.post(McpHttp.INITIALIZE)));
                }
                int started = 0;
                for (Future<HttpResponse<String>> start : starts) {
                    int status = start.get().statusCode();
                    assertThat(status).isIn(200, 429);
                    started += status == 200 ? 1 : 0;
                }
                assertThat(started).isEqualTo(5);
                assertThat(gateway.http().transport().sessionCount()).isEqualTo(5);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    void aPrincipalStartingSessionsTooFastIsToldWhenToRetry() throws Exception {
        try (RunningGateway gateway = RunningGateway.echo("sessionStartsPerMinute: 3")) {
            McpHttp test = new McpHttp(gateway.url());
            for (int i = 0; i < 3; i++) {
                test.initialize();
            }
            HttpResponse<String> fourth = test.post(McpHttp.INITIALIZE);
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isBetween(1, 61));
            StreamableHttpTransportTest.assertJsonRpcError(fourth, -32000,
                    "too many new sessions: at most 3 initialize requests per minute per principal (server.sessionStartsPerMinute)");

            new McpHttp(gateway.url(), RunningGateway.OTHER_KEY).initialize();
        }
    }
}
