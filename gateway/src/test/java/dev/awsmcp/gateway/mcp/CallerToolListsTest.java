package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session requests answered without the MCP server ({@link CallerToolLists}): ping, and tools/list serialized once per
 * policy set and set of teams. The prepared list must be exactly what the MCP server answers (a request with a cursor
 * still goes to it), differ per team, and follow a policy reload (PolicyReloadTest covers the reload notification).
 */
class CallerToolListsTest {

    @TempDir
    Path policies;

    @Test
    void pingAndToolListsAreAnsweredAsPlainJsonAndMatchTheMcpServersAnswer() throws Exception {
        Files.writeString(policies.resolve("a.yaml"), "team: a\nmembers: [ { apiKey: test } ]\ntoolsets:\n  t: { tools: [echo], resources: [\"*\"] }\n");
        Files.writeString(policies.resolve("b.yaml"), "team: b\nmembers: [ { apiKey: other } ]\ntoolsets:\n  t: { tools: [\"*\"], resources: [\"*\"] }\n");
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\n"
                + "policies: { dir: \"" + policies + "\", watch: false }\n")) {
            McpHttp test = new McpHttp(gateway.url());
            McpHttp other = new McpHttp(gateway.url(), RunningGateway.OTHER_KEY);
            String session = test.initialize();
            String otherSession = other.initialize();

            HttpResponse<String> ping = test.post("{\"jsonrpc\":\"2.0\",\"id\":\"p-1\",\"method\":\"ping\"}", "Mcp-Session-Id", session);
            assertThat(ping.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(ping.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"p-1\",\"result\":{}}");

            HttpResponse<String> prepared = test.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}", "Mcp-Session-Id", session);
            assertThat(prepared.headers().firstValue("Content-Type")).hasValue("application/json");
            HttpResponse<String> byServer = test.post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\",\"params\":{\"cursor\":\"c\"}}",
                    "Mcp-Session-Id", session);
            assertThat(byServer.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            JsonNode preparedResult = Json.mapper().readTree(prepared.body()).get("result");
            assertThat(preparedResult).as("the prepared list is the MCP server's list").isEqualTo(McpHttp.response(byServer.body()).get("result"));
            assertThat(names(preparedResult)).containsExactly("t__echo");
            assertThat(test.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}", "Mcp-Session-Id", session).body())
                    .as("served again byte for byte").isEqualTo(prepared.body());

            JsonNode otherTools = Json.mapper().readTree(other.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                    "Mcp-Session-Id", otherSession).body()).get("result");
            assertThat(names(otherTools)).contains("t__echo", "t__sleep");
        }
    }

    private static java.util.List<String> names(JsonNode result) {
        java.util.List<String> names = new java.util.ArrayList<>();
        result.get("tools").forEach(tool -> names.add(tool.get("name").asText()));
        return names;
    }
}
