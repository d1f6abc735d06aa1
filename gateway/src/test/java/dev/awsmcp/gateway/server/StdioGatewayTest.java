package dev.awsmcp.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.gateway.mcp.McpServerFactory;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --stdio} as a real subprocess, driven by the SDK's stdio client. */
class StdioGatewayTest {

    @TempDir
    Path dir;

    @Test
    void servesToolsOverStdioToTheSdkClient() throws Exception {
        assertThat(echoPrincipal("toolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\n")).isEqualTo("local");
    }

    @Test
    void callerIsTheConfiguredStdioPrincipal() throws Exception {
        assertThat(echoPrincipal("auth:\n  stdio: { principal: alice, groups: [payments-oncall] }\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\n")).isEqualTo("alice");
    }

    @Test
    void stdioPrincipalOutsideEveryPolicySeesNoTools() throws Exception {
        Path config = config("auth:\n  stdio: { principal: mallory }\ntoolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\n");
        McpSyncClient client = client(config);
        try {
            client.initialize();
            assertThat(client.listTools().tools()).isEmpty();
            assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("t__echo", Map.of("text", "x"))))
                    .hasMessageContaining("Unknown tool");
        } finally {
            client.closeGracefully();
        }
    }

    /** The configuration plus a policy granting t__* to the principals local and alice (group payments-oncall). */
    private Path config(String yaml) throws Exception {
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("stdio.yaml"), "team: stdio\nmembers: [ { principal: local }, { group: payments-oncall } ]\n"
                + "toolsets:\n  t: { tools: [\"*\"], resources: [\"*\"] }\n");
        Path config = dir.resolve("stdio.yaml");
        Files.writeString(config, yaml + "policies: { dir: \"" + policies + "\", watch: false }\n");
        return config;
    }

    private static McpSyncClient client(Path config) {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters server = ServerParameters.builder(java)
                .args("-cp", System.getProperty("java.class.path"), "dev.awsmcp.gateway.cli.GatewayCommand",
                        "serve", "--stdio", "--config", config.toString())
                .build();
        return McpClient.sync(new StdioClientTransport(server, McpServerFactory.JSON))
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
    }

    private Object echoPrincipal(String yaml) throws Exception {
        Path config = config(yaml);
        McpSyncClient client = client(config);
        try {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("aws-mcp-gateway");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("t__echo");
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("t__echo", Map.of("text", "over stdio")));
            assertThat(result.isError()).isFalse();
            assertThat(((Map<?, ?>) result.structuredContent()).get("text")).isEqualTo("over stdio");
            return ((Map<?, ?>) result.structuredContent()).get("principal");
        } finally {
            client.closeGracefully();
        }
    }
}
