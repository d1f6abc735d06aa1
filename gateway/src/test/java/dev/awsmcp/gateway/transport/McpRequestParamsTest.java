package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpRequestParamsTest {

    @Test
    void paramsThatRealClientsSendPass() throws Exception {
        Map<String, String> valid = Map.ofEntries(
                Map.entry("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"roots\":{\"listChanged\":true},"
                        + "\"sampling\":{},\"elicitation\":{\"form\":{}}},\"clientInfo\":{\"name\":\"claude-code\",\"version\":\"2.0.1\",\"title\":\"C\"}}"),
                Map.entry("ping", "{}"),
                Map.entry("tools/list", "{\"cursor\":\"abc\",\"_meta\":{\"progressToken\":\"p\"}}"),
                Map.entry("tools/call", "{\"name\":\"ddb__query\",\"arguments\":{\"table\":\"t\",\"limit\":5},\"_meta\":{\"progressToken\":3}}"),
                Map.entry("resources/read", "{\"uri\":\"gateway://whoami\"}"),
                Map.entry("prompts/get", "{\"name\":\"investigate_incident\",\"arguments\":{\"service\":\"checkout\"}}"),
                Map.entry("completion/complete", "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"gateway://toolsets/{toolset}/usage\"},"
                        + "\"argument\":{\"name\":\"toolset\",\"value\":\"\"},\"context\":{\"arguments\":{}}}"),
                Map.entry("logging/setLevel", "{\"level\":\"warning\"}"),
                Map.entry("some/future_method", "\"anything\""));
        for (Map.Entry<String, String> request : valid.entrySet()) {
            assertThat(McpRequestParams.problem(request.getKey(), json(request.getValue()))).as(request.getKey()).isNull();
        }
        assertThat(McpRequestParams.problem("tools/list", null)).as("params may be left out").isNull();
    }

    @Test
    void problemsNameTheFieldAndWhatItMustBe() throws Exception {
        assertThat(McpRequestParams.problem("tools/call", json("[]"))).isEqualTo("params must be an object, got an array");
        assertThat(McpRequestParams.problem("tools/call", json("{\"name\":\"\"}"))).isEqualTo("params.name must not be empty");
        assertThat(McpRequestParams.problem("tools/call", json("{\"name\":\"" + "n".repeat(129) + "\"}")))
                .isEqualTo("params.name is longer than 128 characters");
        assertThat(McpRequestParams.problem("tools/call", json("{\"name\":\"t\",\"_meta\":[]}"))).isEqualTo("params._meta must be an object, got an array");
        assertThat(McpRequestParams.problem("completion/complete", json("{\"ref\":{\"type\":\"ref/prompt\"},\"argument\":{}}")))
                .isEqualTo("params.ref.name is required (a string)");
        assertThat(McpRequestParams.problem("completion/complete", json("{\"ref\":{\"type\":\"ref/tool\"}}")))
                .isEqualTo("params.ref.type must be one of ref/prompt, ref/resource");
        assertThat(McpRequestParams.problem("initialize", json("{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\"}}")))
                .isEqualTo("params.clientInfo.version is required (a string)");
        assertThat(McpRequestParams.problem("resources/read", json("null"))).isEqualTo("params must be an object, got null");
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }
}
