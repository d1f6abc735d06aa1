package dev.awsmcp.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.gateway.testing.SessionTables;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A team's {@code callsPerMinute} counts its calls on every instance sharing the DynamoDB session store. */
@ExtendWith(LocalAwsExtension.class)
class SharedRateLimitTest {

    @Test
    void teamLimitHoldsAcrossTwoInstances(LocalAws aws) throws Exception {
        Path policies = Files.createTempDirectory("policies");
        Files.writeString(policies.resolve("test.yaml"), "team: test\nmembers: [ { apiKey: test } ]\n"
                + "toolsets:\n  t: { tools: [\"*\"], resources: [\"*\"] }\nlimits: { callsPerMinute: 3 }\n");
        String yaml = "server:\n  host: 127.0.0.1\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read] }\n"
                + "policies: { dir: \"" + policies + "\", watch: false }\n"
                + SessionTables.create(aws, "limited-sessions");
        try (RunningGateway a = RunningGateway.start(yaml); RunningGateway b = RunningGateway.start(yaml)) {
            McpHttp onA = new McpHttp(a.url());
            McpHttp onB = new McpHttp(b.url());
            String sessionA = onA.initialize();
            String sessionB = onB.initialize();
            // The budget is per calendar minute: start early in one so that all five calls share it.
            while (Instant.now().getEpochSecond() % 60 > 45) {
                Thread.sleep(500);
            }
            assertThat(call(onA, sessionA).path("isError").asBoolean()).isFalse();
            assertThat(call(onB, sessionB).path("isError").asBoolean()).isFalse();
            assertThat(call(onB, sessionB).path("isError").asBoolean()).isFalse();
            JsonNode fourth = call(onA, sessionA);
            assertThat(fourth.path("isError").asBoolean()).isTrue();
            assertThat(fourth.toString()).contains("team test is over its limit of 3 calls per minute; retry in about").contains("THROTTLED");
            assertThat(call(onB, sessionB).toString()).contains("over its limit of 3 calls per minute");
        }
    }

    private static JsonNode call(McpHttp http, String session) throws Exception {
        String body = http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"x\"}"), "Mcp-Session-Id", session).body();
        return McpHttp.response(body).path("result");
    }
}
