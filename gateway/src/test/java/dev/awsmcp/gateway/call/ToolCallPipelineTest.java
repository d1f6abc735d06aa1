package dev.awsmcp.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.RunningGateway;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The call pipeline through a real gateway and the SDK's Java client, with the hand-written test-echo
 * toolset: argument validation, deadlines, toolset bugs, tool errors, annotations.
 */
class ToolCallPipelineTest {

    private static RunningGateway gateway;
    private static McpSyncClient client;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.echo("");
        String base = gateway.url().toString().replace(gateway.url().getPath(), "");
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base).endpoint(gateway.url().getPath())
                        .addHttpRequestCustomizer((request, method, uri, body, context) ->
                                request.header("Authorization", "Bearer " + RunningGateway.TEST_KEY))
                        .build())
                .requestTimeout(Duration.ofSeconds(20))
                .build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        client.closeGracefully();
        gateway.close();
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @Test
    void listsNamespacedToolsWithAnnotationsFromAccessClass() {
        var tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("t__echo", "t__sleep", "t__crash", "t__fail", "t__note");
        McpSchema.Tool echo = tools.get(0);
        assertThat(echo.annotations().readOnlyHint()).isTrue();
        assertThat(echo.annotations().destructiveHint()).as("meaningless beside readOnlyHint").isNull();
        assertThat(echo.annotations().title()).as("one title, the tool's").isNull();
        McpSchema.Tool fail = tools.get(3);
        assertThat(fail.annotations().readOnlyHint()).isFalse();
        assertThat(fail.annotations().destructiveHint()).isTrue();
        assertThat(echo.inputSchema()).containsEntry("required", java.util.List.of("text"));
    }

    @Test
    void returnsStructuredContentAndTheSameJsonAsText() {
        CallToolResult result = client.callTool(new McpSchema.CallToolRequest("t__echo", Map.of("text", "héllo")));
        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) result.structuredContent()).get("text")).isEqualTo("héllo");
        assertThat(((Map<?, ?>) result.structuredContent()).get("principal")).isEqualTo("apikey:test");
        assertThat(text(result)).contains("\"text\":\"héllo\"");
        assertThat(result.meta()).containsKey("correlationId");
    }

    @Test
    void invalidArgumentsAreAToolErrorNamingTheArgument() {
        CallToolResult tooBig = client.callTool(new McpSchema.CallToolRequest("t__echo", Map.of("text", "x", "limit", 5000)));
        assertThat(tooBig.isError()).isTrue();
        assertThat(text(tooBig)).contains("invalid arguments for t__echo").contains("argument 'limit'").contains("1000");

        CallToolResult missing = client.callTool(new McpSchema.CallToolRequest("t__echo", Map.of()));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("text");

        CallToolResult extra = client.callTool(new McpSchema.CallToolRequest("t__echo", Map.of("text", "x", "tabel", "y")));
        assertThat(extra.isError()).isTrue();
        assertThat(text(extra)).contains("tabel");

        CallToolResult wrongType = client.callTool(new McpSchema.CallToolRequest("t__echo", Map.of("text", 42)));
        assertThat(wrongType.isError()).isTrue();
        assertThat(text(wrongType)).contains("argument 'text'").contains("string");
    }

    @Test
    void toolsetBugBecomesAnErrorWithCorrelationIdAndNoInternals() {
        CallToolResult result = client.callTool(new McpSchema.CallToolRequest("t__crash", Map.of()));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("internal error in t__crash").contains(String.valueOf(result.meta().get("correlationId")));
        assertThat(text(result)).doesNotContain("secret internal detail");
    }

    @Test
    void toolFailureCarriesTheToolsetMessageAndKind() {
        CallToolResult result = client.callTool(new McpSchema.CallToolRequest("t__fail", Map.of()));
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("thing x not found; call list_things");
        assertThat(result.meta()).containsEntry("errorKind", "NOT_FOUND");
    }

    @Test
    void callPastItsDeadlineAnswersWithATimeoutInsteadOfHanging() {
        // limits.callTimeout is 2s in this gateway; the tool would answer after 10s.
        long started = System.nanoTime();
        CallToolResult result = client.callTool(new McpSchema.CallToolRequest("t__sleep", Map.of("millis", 10_000)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("timed out after 2s");
        assertThat(tookMillis).isLessThan(10_000);
    }

    @Test
    void toolNameVariantsAreUnknownTools() {
        for (String variant : new String[] {"T__echo", "t__ECHO", "t___echo", "t__echo ", "t__echo\u200b", "t_echo", "echo"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> client.callTool(new McpSchema.CallToolRequest(variant, Map.of("text", "x"))))
                    .as(variant).hasMessageContaining("Unknown tool");
        }
    }

    @Test
    void unknownToolIsAProtocolError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> client.callTool(new McpSchema.CallToolRequest("t__nope", Map.of())))
                .hasMessageContaining("Unknown tool");
    }
}
