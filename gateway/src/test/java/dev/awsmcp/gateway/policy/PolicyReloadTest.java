package dev.awsmcp.gateway.policy;

import dev.awsmcp.gateway.testing.GatewayHttp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running gateway picks up policy changes: valid ones notify affected sessions, broken ones change nothing. */
class PolicyReloadTest {

    private static final String ECHO_ONLY = "team: t\nmembers: [ { apiKey: test } ]\ntoolsets:\n  t: { tools: [echo], resources: [\"*\"] }\n";

    @TempDir
    Path policies;

    private static BlockingQueue<String> listen(RunningGateway gateway, String key, String session) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        GatewayHttp.CLIENT
                .sendAsync(HttpRequest.newBuilder(gateway.url()).header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + key).header("Mcp-Session-Id", session).GET().build(),
                        HttpResponse.BodyHandlers.ofLines())
                // The body is read until the stream ends: on a thread of its own, never the test's or a shared pool's.
                .thenAcceptAsync(r -> r.body().filter(l -> l.startsWith("data: ") || l.startsWith(": stream")).forEach(lines::add), task -> {
                    Thread reader = new Thread(task, "sse-reader");
                    reader.setDaemon(true);
                    reader.start();
                });
        return lines;
    }

    private static String tools(McpHttp http, String session) throws Exception {
        return http.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}", "Mcp-Session-Id", session).body();
    }

    @Test
    void validChangeNotifiesAffectedSessionsAndBrokenChangeKeepsTheLastGoodSet() throws Exception {
        Files.writeString(policies.resolve("t.yaml"), ECHO_ONLY);
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\n"
                + "policies: { dir: \"" + policies + "\", watch: true, pollInterval: 200ms }\n")) {
            McpHttp test = new McpHttp(gateway.url());
            McpHttp other = new McpHttp(gateway.url(), RunningGateway.OTHER_KEY);
            String session = test.initialize();
            String otherSession = other.initialize();
            BlockingQueue<String> testStream = listen(gateway, RunningGateway.TEST_KEY, session);
            BlockingQueue<String> otherStream = listen(gateway, RunningGateway.OTHER_KEY, otherSession);
            assertThat(testStream.poll(10, TimeUnit.SECONDS)).isEqualTo(": stream open");
            assertThat(otherStream.poll(10, TimeUnit.SECONDS)).isEqualTo(": stream open");
            assertThat(tools(test, session)).contains("t__echo").doesNotContain("t__sleep");
            assertThat(tools(other, otherSession)).doesNotContain("t__echo");

            Files.writeString(policies.resolve("t.yaml"), ECHO_ONLY.replace("[echo]", "[echo, sleep]"));
            assertThat(testStream.poll(10, TimeUnit.SECONDS)).contains("notifications/tools/list_changed");
            assertThat(tools(test, session)).contains("t__echo", "t__sleep");
            assertThat(otherStream.poll(1, TimeUnit.SECONDS)).as("a session whose view did not change").isNull();

            Files.writeString(policies.resolve("t.yaml"), ECHO_ONLY.replace("[echo]", "[ech0]"));
            assertThat(testStream.poll(2, TimeUnit.SECONDS)).as("a rejected change notifies nobody").isNull();
            assertThat(tools(test, session)).as("last good set stays in force").contains("t__echo", "t__sleep");
        }
    }
}
