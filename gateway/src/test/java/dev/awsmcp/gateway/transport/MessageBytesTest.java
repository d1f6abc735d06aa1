package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.mcp.McpServerFactory;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message is written into the response's buffer as the same bytes the mapper writes, framed as an event or not. */
class MessageBytesTest {

    private static final McpJsonMapper JSON = McpServerFactory.JSON;

    /** A result far larger than Jackson's output buffer (8,000 bytes), so it reaches the buffer in many writes. */
    private static McpSchema.JSONRPCResponse largeResponse(Object id) {
        ObjectNode structured = Json.object();
        ArrayNode items = structured.putArray("items");
        for (int i = 0; i < 2_000; i++) {
            items.addObject().put("id", "order-" + i).put("note", "Zürich \"quoted\" 中 😀 \n").put("amount", i * 1.25);
        }
        return new McpSchema.JSONRPCResponse("2.0", id, McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(structured.toString()))).structuredContent(structured).isError(false)
                .build(), null);
    }

    @Test
    void aJsonBodyIsTheMappersBytes() throws Exception {
        McpSchema.JSONRPCResponse response = largeResponse(7);
        byte[] expected = JSON.writeValueAsBytes(response);

        byte[] written = MessageBytes.json(JSON, response, response.id(), null).getBytes();

        assertThat(expected.length).isGreaterThan(100_000);
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void anEventFramesTheMappersBytesWithAndWithoutAnEventId() throws Exception {
        McpSchema.JSONRPCResponse response = largeResponse("r-1");
        String json = new String(JSON.writeValueAsBytes(response), StandardCharsets.UTF_8);

        assertThat(MessageBytes.event(JSON, response, response.id(), null, "s-42").toString(StandardCharsets.UTF_8))
                .isEqualTo("id: s-42\nevent: message\ndata: " + json + "\n\n");
        McpSchema.JSONRPCNotification note = new McpSchema.JSONRPCNotification("2.0", "notifications/message", null);
        assertThat(MessageBytes.event(JSON, note, null, null, null).toString(StandardCharsets.UTF_8))
                .isEqualTo("event: message\ndata: " + new String(JSON.writeValueAsBytes(note), StandardCharsets.UTF_8) + "\n\n");
    }

    /** A number id the SDK cannot hold travels as a stand-in string; the client gets its own number back, digit for digit. */
    @Test
    void aNumberIdTheSdkCannotHoldIsPutBackExactly() throws Exception {
        JsonNode exactId = Json.mapper().getNodeFactory().numberNode(new BigInteger("18446744073709551616"));
        Object sdkId = ClientMessage.sdkId(exactId);
        McpSchema.JSONRPCResponse response = largeResponse(sdkId);

        JsonNode body = Json.mapper().readTree(MessageBytes.json(JSON, response, sdkId, exactId).getBytes());
        String event = MessageBytes.event(JSON, response, sdkId, exactId, null).toString(StandardCharsets.UTF_8);

        assertThat(body.get("id").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551616"));
        assertThat(body.get("result").get("structuredContent").get("items")).hasSize(2_000);
        assertThat(event).startsWith("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":18446744073709551616,").endsWith("}\n\n");
    }
}
