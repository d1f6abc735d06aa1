package dev.awsmcp.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.toolset.api.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's first quick-start command for real: {@code java -jar gateway/target/mcp-gateway.jar demo}
 * from the repository root (moto started and seeded by the jar), then three clients against it: the
 * MCP Java SDK client, the MCP TypeScript SDK client, and the official conformance suite.
 */
class DemoJarIT {

    private static final Pattern ENDPOINT = Pattern.compile("MCP endpoint : (http://\\S+)");
    private static final Path ROOT = ExternalCommand.repositoryRoot();
    private static Process demo;
    private static URI url;
    private static final StringBuffer output = new StringBuffer();

    @BeforeAll
    static void startDemo() throws Exception {
        Path jar = ROOT.resolve("gateway/target/mcp-gateway.jar");
        assertThat(jar).as("run with mvn verify: the jar is built in the package phase").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        demo = new ProcessBuilder(java, "-jar", jar.toString(), "demo", "--port", String.valueOf(port))
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    Matcher m = ENDPOINT.matcher(line);
                    if (m.find()) {
                        ready.complete(URI.create(m.group(1)));
                    }
                }
            } catch (java.io.IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("demo exited before it was ready:\n" + output));
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        url = ready.get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopDemo() throws Exception {
        if (demo != null) {
            demo.destroy();
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("demo stops on SIGTERM:\n" + output).isTrue();
        }
    }

    @Test
    void demoPrintsHowToConnect() {
        assertThat(output.toString()).contains("claude mcp add --transport http aws-gateway " + url)
                .contains("seeded demo incident: tables=3");
    }

    @Test
    void javaSdkClientFindsTheStuckOrders() {
        String base = url.toString().replace(url.getPath(), "");
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint(url.getPath()).build())
                .requestTimeout(Duration.ofSeconds(30)).build();
        try {
            client.initialize();
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name)
                    .contains("ddb__list_tables", "ddb__describe_table", "ddb__query", "ddb__execute_partiql");
            McpSchema.CallToolResult tables = client.callTool(new McpSchema.CallToolRequest("ddb__list_tables", Map.of()));
            assertThat(tables.isError()).isFalse();
            assertThat(tables.structuredContent().toString()).contains("payments-orders", "inventory-stock");

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
        ExternalCommand.Outcome run = ExternalCommand.run(ROOT, 60, List.of("node", "e2e/ts-client.mjs", "--url", url.toString(),
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
        ExternalCommand.Outcome run = ExternalCommand.run(ROOT, 600, List.of("bash", "e2e/conformance.sh", url.toString(),
                "server-initialize", "ping", "tools-list", "dns-rebinding-protection"));
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.stdout()).contains("conformance scenarios: 4/4 passed");
    }

    @Test
    void seedScriptShipsInTheJar() throws Exception {
        try (var zip = new java.util.zip.ZipFile(ROOT.resolve("gateway/target/mcp-gateway.jar").toFile())) {
            assertThat(zip.getEntry("local-aws/seed-demo.list")).isNotNull();
            assertThat(zip.getEntry("local-aws/seed-demo-dynamodb.py")).isNotNull();
            assertThat(zip.getEntry("META-INF/services/dev.awsmcp.toolset.api.ToolsetFactory")).isNotNull();
        }
        assertThat(Files.exists(ROOT.resolve("config/demo.yaml"))).isTrue();
    }
}
