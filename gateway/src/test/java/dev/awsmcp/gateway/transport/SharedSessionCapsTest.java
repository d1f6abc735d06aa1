package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.gateway.testing.SessionTables;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two gateways sharing a DynamoDB session table (moto), each capping a principal's sessions at two: the
 * cap counts the sessions an instance holds, another principal is unaffected, and a session ended on
 * the other instance stops counting as soon as the capped principal asks for a new one.
 */
@ExtendWith(LocalAwsExtension.class)
class SharedSessionCapsTest {

    private static RunningGateway a;
    private static RunningGateway b;

    @BeforeAll
    static void start(LocalAws aws) {
        String yaml = "server:\n  host: 127.0.0.1\n  maxSessionsPerPrincipal: 2\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\n"
                + "limits: { callTimeout: 2s }\n" + SessionTables.create(aws, "capped-sessions");
        a = RunningGateway.start(yaml);
        b = RunningGateway.start(yaml);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    @Test
    void aSessionEndedOnTheOtherInstanceFreesRoomUnderTheCap() throws Exception {
        McpHttp onA = new McpHttp(a.url());
        String first = onA.initialize();
        onA.initialize();
        HttpResponse<String> third = onA.post(McpHttp.INITIALIZE);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("server.maxSessionsPerPrincipal");
        new McpHttp(a.url(), RunningGateway.OTHER_KEY).initialize();

        assertThat(new McpHttp(b.url()).send("DELETE", null, "Mcp-Session-Id", first).statusCode()).isEqualTo(200);
        assertThat(a.http().transport().sessionsOf("apikey:test")).contains(first);
        assertThat(onA.post(McpHttp.INITIALIZE).statusCode()).isEqualTo(200);
        assertThat(a.http().transport().sessionsOf("apikey:test")).doesNotContain(first).hasSize(2);
    }
}
