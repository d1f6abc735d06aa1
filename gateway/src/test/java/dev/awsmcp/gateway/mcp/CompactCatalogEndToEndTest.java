package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.EmulatorClients;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.MetricsScrape;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code server.catalog: compact} through a real gateway on moto, for both protocol revisions (a fresh gateway per test, so
 * that each starts with no recent calls): the list is {@code search_tools} alone at first; a search finds the team's
 * DynamoDB tools by keyword and never one its policy hides; a tool called once is listed after; a hidden tool is still
 * refused when called; every search is audited under toolset {@code gateway} and counted in the metrics.
 */
@ExtendWith(LocalAwsExtension.class)
class CompactCatalogEndToEndTest {

    /** What the payments team may see: four DynamoDB tools (no scan, batch_get_item or execute_partiql) and every logs tool. */
    private static final String PAYMENTS = """
            team: payments
            members: [ { apiKey: test } ]
            toolsets:
              ddb: { tools: [list_tables, describe_table, query, get_item], resources: ["payments-*"] }
              logs: { tools: ["*"], resources: ["/aws/lambda/payments-*"] }
            """;
    private static final List<String> HIDDEN_DDB = List.of("ddb__scan", "ddb__batch_get_item", "ddb__execute_partiql");

    private static String endpoint;
    private RunningGateway gateway;

    @BeforeAll
    static void seed(LocalAws aws) {
        EmulatorClients.useEmulatorCredentials();
        endpoint = aws.endpoint().toString();
        try (DynamoDbAsyncClient dynamo = EmulatorClients.dynamoDb(aws)) {
            dynamo.createTable(b -> b.tableName("payments-orders").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))).join();
        }
    }

    @BeforeEach
    void start() throws Exception {
        Path policies = Files.createTempDirectory("policies");
        Files.writeString(policies.resolve("payments.yaml"), PAYMENTS);
        gateway = RunningGateway.start("server: { host: 127.0.0.1, catalog: compact, recentTools: 4 }\ntoolsets:\n"
                + "  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: \"" + endpoint + "\" }\n"
                + "  - { id: logs, type: logs, region: us-east-1, endpoint: \"" + endpoint + "\" }\n"
                + "policies: { dir: \"" + policies + "\", watch: false }\n");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aSessionListsSearchToolsThenWhatItsTeamCalled() throws Exception {
        McpSyncClient client = gateway.client(RunningGateway.TEST_KEY).build();
        try {
            client.initialize();
            assertThat(names(client.listTools().tools())).containsExactly("search_tools");

            JsonNode found = structured(client.callTool(new McpSchema.CallToolRequest("search_tools", Map.of("query", "dynamodb table"))));
            assertThat(names(found)).contains("ddb__list_tables", "ddb__describe_table").doesNotContainAnyElementsOf(HIDDEN_DDB);
            assertThat(found.path("tools").get(0).path("inputSchema").path("type").asText()).isEqualTo("object");
            JsonNode hidden = structured(client.callTool(new McpSchema.CallToolRequest("search_tools", Map.of("query", "scan partiql batch"))));
            assertThat(names(hidden)).doesNotContainAnyElementsOf(HIDDEN_DDB);

            McpSchema.CallToolResult tables = client.callTool(new McpSchema.CallToolRequest("ddb__list_tables", Map.of()));
            assertThat(tables.isError()).as(tables.toString()).isFalse();
            List<McpSchema.Tool> listed = client.listTools().tools();
            assertThat(names(listed)).containsExactly("search_tools", "ddb__list_tables");
            assertThat((JsonNode) Json.mapper().valueToTree(listed.get(1))).as("search answers the listed definition")
                    .isEqualTo(definition(found, "ddb__list_tables"));

            assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("ddb__scan", Map.of("table", "payments-orders"))))
                    .isInstanceOf(McpError.class).hasMessageContaining("Unknown tool");
            assertThat(names(client.listTools().tools())).doesNotContain("ddb__scan");
        } finally {
            client.closeGracefully();
        }
        // The prepared list (plain JSON) is the one the MCP server makes (a request with a cursor goes to it).
        McpHttp http = new McpHttp(gateway.url());
        String session = http.initialize();
        HttpResponse<String> prepared = http.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}", "Mcp-Session-Id", session);
        HttpResponse<String> byServer = http.post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\",\"params\":{\"cursor\":\"c\"}}",
                "Mcp-Session-Id", session);
        assertThat(Json.mapper().readTree(prepared.body()).get("result")).isEqualTo(McpHttp.response(byServer.body()).get("result"));
        assertAuditedAndCounted();
    }

    @Test
    void aModernClientListsSearchToolsThenWhatItsTeamCalled() throws Exception {
        McpHttp http = new McpHttp(gateway.url());
        assertThat(names(result(http.modern(1, "tools/list", null, "", "compact-test")))).containsExactly("search_tools");

        JsonNode found = result(http.modernCall("search_tools", "{\"query\":\"DynamoDB key item\",\"limit\":3}", "compact-test"));
        assertThat(found.path("isError").asBoolean()).isFalse();
        JsonNode tools = found.path("structuredContent");
        assertThat(names(tools)).hasSizeLessThanOrEqualTo(3).contains("ddb__get_item").doesNotContainAnyElementsOf(HIDDEN_DDB);

        assertThat(result(http.modernCall("ddb__describe_table", "{\"table\":\"payments-orders\"}", "compact-test")).path("isError")
                .asBoolean()).isFalse();
        JsonNode listed = result(http.modern(2, "tools/list", null, "", "compact-test"));
        assertThat(names(listed)).containsExactly("search_tools", "ddb__describe_table");

        HttpResponse<String> scan = http.modernCall("ddb__scan", "{\"table\":\"payments-orders\"}", "compact-test");
        assertThat(McpHttp.message(scan).path("error").path("code").asInt()).as(scan.body()).isEqualTo(-32602);

        HttpResponse<String> empty = http.modernCall("search_tools", "{\"query\":\"  \"}", "compact-test");
        assertThat(result(empty).path("isError").asBoolean()).isTrue();
        assertThat(result(empty).path("content").get(0).path("text").asText()).contains("'query'");
        assertAuditedAndCounted();
    }

    @Test
    void aCallerWhoMaySeeNoToolListsNothingAndCannotSearch() throws Exception {
        McpHttp nobody = new McpHttp(gateway.url(), RunningGateway.OTHER_KEY);
        assertThat(names(result(nobody.modern(1, "tools/list", null, "", "compact-test")))).isEmpty();
        HttpResponse<String> search = nobody.modernCall("search_tools", "{\"query\":\"dynamodb\"}", "compact-test");
        assertThat(McpHttp.message(search).path("error").path("code").asInt()).as(search.body()).isEqualTo(-32602);
    }

    private void assertAuditedAndCounted() throws Exception {
        assertThat(Files.readAllLines(gateway.auditFile())).anySatisfy(line -> assertThat(line).contains("\"tool\":\"search_tools\"")
                .contains("\"toolset\":\"gateway\"").contains("\"outcome\":\"success\""));
        assertThat(MetricsScrape.of(gateway).value("gateway_tool_calls_seconds_count", "toolset", "gateway", "tool", "search_tools",
                "outcome", "success")).isPositive();
    }

    private static JsonNode result(HttpResponse<String> response) throws Exception {
        JsonNode message = McpHttp.message(response);
        assertThat(message.has("result")).as(response.body()).isTrue();
        return message.path("result");
    }

    private static JsonNode structured(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(result.toString()).isFalse();
        return Json.mapper().valueToTree(result.structuredContent());
    }

    private static JsonNode definition(JsonNode found, String name) {
        for (JsonNode tool : found.path("tools")) {
            if (tool.path("name").asText().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError(name + " not in " + found);
    }

    private static List<String> names(JsonNode withTools) {
        List<String> names = new ArrayList<>();
        withTools.path("tools").forEach(tool -> names.add(tool.path("name").asText()));
        return names;
    }

    private static List<String> names(List<McpSchema.Tool> tools) {
        return tools.stream().map(McpSchema.Tool::name).toList();
    }
}
