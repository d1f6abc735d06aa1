package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.RunningGateway;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What a toolset sends the caller's client while its call runs passes the result guard like its result: a
 * sampling prompt (it reaches the client's model) and an elicitation message (a person reads it) that quote
 * a secret and hidden characters arrive at the Java SDK client redacted and with the hidden characters shown,
 * through the real gateway and the conformance fixture toolset, which forwards its arguments verbatim.
 */
class ClientRequestsGuardEndToEndTest {

    /** An access key id (AKIA + 16 base32 characters) that is not one of AWS's documented examples. */
    private static final String KEY_ID = "AKIA" + "Q2W3E4R5T6Y7U2I3";
    private static final String QUOTED = "log line: key " + KEY_ID + " then \u200bhidden";

    @Test
    void samplingPromptsAndElicitationMessagesLeaveTheGatewayGuarded() {
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\ntoolsets:\n"
                + "  - { id: test, type: conformance, region: us-east-1 }\n")) {
            AtomicReference<String> prompt = new AtomicReference<>();
            AtomicReference<String> message = new AtomicReference<>();
            McpSyncClient client = gateway.client()
                    .capabilities(McpSchema.ClientCapabilities.builder().sampling().elicitation().build())
                    .sampling(request -> {
                        prompt.set(((McpSchema.TextContent) request.messages().get(0).content()).text());
                        return new McpSchema.CreateMessageResult(McpSchema.Role.ASSISTANT, new McpSchema.TextContent("noted"),
                                "test-model", McpSchema.CreateMessageResult.StopReason.END_TURN);
                    })
                    .elicitation(request -> {
                        message.set(request.message());
                        return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null);
                    })
                    .build();
            client.initialize();

            McpSchema.CallToolResult sampled = client.callTool(new McpSchema.CallToolRequest("test__test_sampling", Map.of("prompt", QUOTED)));
            assertThat(sampled.isError()).as(sampled.toString()).isNotEqualTo(Boolean.TRUE);
            assertThat(prompt.get()).doesNotContain(KEY_ID).contains("[REDACTED:").contains("<U+200B>hidden")
                    .doesNotContain("\u200b");

            client.callTool(new McpSchema.CallToolRequest("test__test_elicitation", Map.of("message", QUOTED)));
            assertThat(message.get()).doesNotContain(KEY_ID).contains("[REDACTED:").contains("<U+200B>hidden");
            client.closeGracefully();
        }
    }
}
