package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.session.StoredSession;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.gateway.testing.SessionTables;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two gateways in this JVM sharing one DynamoDB session table (moto): a session started on one is
 * served by the other (restored from the store), stays bound to its principal, ends everywhere on
 * DELETE, and is refused once expired even while its item still exists.
 */
@ExtendWith(LocalAwsExtension.class)
class SharedSessionsTest {

    private static final String TABLE = "shared-sessions";
    private static RunningGateway a;
    private static RunningGateway b;
    private static String sessions;

    @BeforeAll
    static void start(LocalAws aws) {
        sessions = SessionTables.create(aws, TABLE);
        String yaml = "server:\n  host: 127.0.0.1\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read, write] }\n"
                + "limits: { callTimeout: 2s }\n" + sessions;
        a = RunningGateway.start(yaml);
        b = RunningGateway.start(yaml);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static HttpResponse<String> echo(RunningGateway gateway, String session, String text) throws Exception {
        return new McpHttp(gateway.url()).post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"" + text + "\"}"), "Mcp-Session-Id", session);
    }

    @Test
    void sessionStartedOnOneInstanceIsServedByTheOther() throws Exception {
        String session = new McpHttp(a.url()).initialize();
        HttpResponse<String> list = new McpHttp(b.url()).post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", "Mcp-Session-Id", session);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("t__echo");
        HttpResponse<String> call = echo(b, session, "moved");
        assertThat(call.statusCode()).isEqualTo(200);
        JsonNode result = McpHttp.response(call.body());
        assertThat(result.at("/result/structuredContent/text").asText()).isEqualTo("moved");
        assertThat(b.http().transport().principalOf(session)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("apikey:test"));
        // The audit record on B names the session by the id the client holds, not the restored SDK session's.
        String audit = Files.readString(b.auditFile());
        assertThat(audit).contains("\"session_id\":\"" + session + "\",\"principal\":\"apikey:test\",\"teams\":[\"test\"],\"client\":{\"name\":\"raw-test\"");
    }

    @Test
    void anotherPrincipalCannotUseTheSessionOnAnyInstance() throws Exception {
        String session = new McpHttp(a.url()).initialize();
        McpHttp other = new McpHttp(b.url(), RunningGateway.OTHER_KEY);
        assertThat(other.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"x\"}"), "Mcp-Session-Id", session).statusCode()).isEqualTo(404);
        assertThat(other.send("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(404);
        assertThat(b.http().transport().principalOf(session)).isEmpty();
        assertThat(echo(b, session, "still mine").statusCode()).isEqualTo(200);
    }

    @Test
    void deleteOnOneInstanceEndsTheSessionOnEvery() throws Exception {
        String session = new McpHttp(a.url()).initialize();
        assertThat(echo(b, session, "restored").statusCode()).isEqualTo(200);
        assertThat(b.http().transport().principalOf(session)).isPresent();
        assertThat(new McpHttp(a.url()).send("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(200);
        assertThat(echo(b, session, "after delete").statusCode()).isEqualTo(404);
        assertThat(b.http().transport().principalOf(session)).as("B dropped its copy").isEmpty();
        assertThat(echo(a, session, "after delete").statusCode()).isEqualTo(404);
    }

    @Test
    void concurrentRequestsForAnUnknownSessionRestoreItOnce() throws Exception {
        String session = new McpHttp(a.url()).initialize();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return echo(b, session, "parallel " + n).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
        } finally {
            pool.shutdown();
        }
        assertThat(b.http().transport().sessionsOf("apikey:test")).containsOnlyOnce(session);
    }

    @Test
    void expiredSessionIsRefusedThoughItsItemStillExists() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant past = Instant.now().minusSeconds(3600);
        a.runtime().sessions().create(new StoredSession(id, "apikey:test", Set.of(), "2025-11-25", null, null, past, past,
                past.plusSeconds(60), Map.of())).join();
        assertThat(echo(b, id, "too late").statusCode()).isEqualTo(404);
        assertThat(a.runtime().sessions().find(id, Instant.now()).join()).isEmpty();
    }

    @Test
    void sessionSurvivesTheInstanceThatStartedIt() throws Exception {
        String yaml = "server:\n  host: 127.0.0.1\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read] }\n" + sessions;
        String session;
        try (RunningGateway first = RunningGateway.start(yaml)) {
            session = new McpHttp(first.url()).initialize();
        }
        try (RunningGateway second = RunningGateway.start(yaml)) {
            assertThat(echo(second, session, "after restart").statusCode()).isEqualTo(200);
        }
    }
}
