package dev.awsmcp.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.DemoProcess;
import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.gateway.testing.HeaderInjectingProxy;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's first quick-start command for real ({@code java -jar gateway/target/mcp-gateway.jar demo}:
 * moto started and seeded by the jar), then three clients against it: the MCP Java SDK client, the MCP
 * TypeScript SDK client, and the official conformance suite.
 */
class DemoJarIT {

    private static final Path ROOT = ExternalCommand.repositoryRoot();
    private static DemoProcess demo;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start();
    }

    @AfterAll
    static void stopDemo() throws Exception {
        assertThat(demo.stop()).as("demo stops on SIGTERM:\n" + demo.output()).isTrue();
    }

    @Test
    void demoPrintsKeysAndHowToConnect() {
        assertThat(demo.paymentsKey()).startsWith("mcpgw_").isNotEqualTo(demo.inventoryKey());
        assertThat(demo.output())
                .contains("claude mcp add --transport http aws-gateway " + demo.url() + " --header \"Authorization: Bearer "
                        + demo.paymentsKey() + "\"")
                .contains("seeded demo incident: tables=3", "seeded demo s3:", "seeded demo logs:", "seeded demo lambda:",
                        "seeded demo cloudwatch: alarms=4, in_alarm=2")
                .containsPattern("audit trail  : /\\S+/audit\\.jsonl \\(check it with: audit verify ");
    }

    @Test
    void everyRequestMustAuthenticate() throws Exception {
        HttpResponse<String> anonymous = new McpHttp(demo.url(), null).post(McpHttp.INITIALIZE);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("resource_metadata="));
        assertThat(new McpHttp(demo.url(), "mcpgw_guessed").post(McpHttp.INITIALIZE).statusCode()).isEqualTo(401);
    }

    @Test
    void javaSdkClientFindsTheStuckOrders() {
        McpSyncClient client = demo.client(demo.paymentsKey());
        try {
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("ddb__list_tables", "ddb__query", "s3__get_object", "logs__filter_log_events", "lambda__get_function_configuration",
                            "cw__describe_alarms", "cw__get_metric_data")
                    .doesNotContain("ddb__put_item", "lambda__invoke", "ddb__scan");
            McpSchema.CallToolResult stuck = client.callTool(new McpSchema.CallToolRequest("ddb__query", Map.of(
                    "table", "payments-orders",
                    "index", "status-created_at-index",
                    "key_condition", "#s = :s",
                    "expression_attribute_names", Map.of("#s", "status"),
                    "expression_attribute_values", Map.of(":s", "PAYMENT_PENDING"))));
            assertThat(stuck.isError()).as(stuck.toString()).isFalse();
            JsonNode result = Json.mapper().valueToTree(stuck.structuredContent());
            assertThat(result.get("items")).hasSize(15);
            result.get("items").forEach(item -> assertThat(item.get("last_error").asText()).startsWith("PaymentProviderTimeout"));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void typescriptSdkClientListsAndCallsTools() throws Exception {
        ExternalCommand.Outcome run = ExternalCommand.run(ROOT, 60, List.of("node", "e2e/ts-client.mjs", "--url", demo.url().toString(),
                "--header", "Authorization: Bearer " + demo.paymentsKey(),
                "--call", "ddb__describe_table", "--args", "{\"table\":\"payments-orders\"}"));
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        JsonNode answer = Json.mapper().readTree(run.stdout());
        assertThat(answer.at("/serverInfo/name").asText()).isEqualTo("aws-mcp-gateway");
        assertThat(answer.get("tools").toString()).contains("ddb__query");
        assertThat(answer.at("/call/isError").asBoolean()).as(run.stdout()).isFalse();
        assertThat(answer.at("/call/structuredContent").toString()).contains("status-created_at-index");
    }

    @Test
    void officialConformanceScenariosPass() throws Exception {
        // The suite cannot send headers; a loopback proxy adds the payments key and forwards all else as sent.
        try (HeaderInjectingProxy proxy = HeaderInjectingProxy.start(demo.url(), "Authorization", "Bearer " + demo.paymentsKey())) {
            ExternalCommand.Outcome run = ExternalCommand.run(ROOT, 600, List.of("bash", "e2e/conformance.sh",
                    proxy.url(demo.url()).toString(), "server-initialize", "ping", "tools-list", "dns-rebinding-protection"));
            assertThat(run.exitCode()).as(run.transcript()).isZero();
            assertThat(run.stdout()).contains("conformance scenarios: 4/4 passed");
        }
    }

    @Test
    void seedScriptsShipInTheJar() throws Exception {
        try (var zip = new java.util.zip.ZipFile(ROOT.resolve("gateway/target/mcp-gateway.jar").toFile())) {
            assertThat(zip.getEntry("local-aws/seed-demo.list")).isNotNull();
            assertThat(zip.getEntry("META-INF/services/dev.awsmcp.gateway.guard.InjectionDetector")).as("the detector is installed").isNotNull();
            for (String service : List.of("dynamodb", "s3", "logs", "lambda", "cloudwatch")) {
                assertThat(zip.getEntry("local-aws/seed-demo-" + service + ".py")).as(service).isNotNull();
            }
        }
    }
}
