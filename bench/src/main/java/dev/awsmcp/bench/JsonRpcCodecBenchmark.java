package dev.awsmcp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON-RPC work of one tool call on the gateway's hot path. Decode: a {@code tools/call} request body
 * as the Streamable HTTP transport reads it (a strict Jackson tree for the checks, then the MCP SDK's
 * message from the tree's text), next to the SDK's decode alone from the body, which shows what the
 * second parse costs. Encode: the JSON-RPC response carrying a tool result (the same JSON as text and as
 * structuredContent, as the gateway answers) of about 1 KiB or 32 KiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JsonRpcCodecBenchmark {

    /** Size of the tool result's JSON. */
    @Param({"1k", "32k"})
    public String result;

    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private byte[] request;
    private McpSchema.JSONRPCResponse response;

    @Setup
    public void setUp() throws Exception {
        request = ("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":{\"name\":\"ddb__query\",\"arguments\":"
                + "{\"table\":\"payments-orders\",\"key_condition\":\"customer = :c\",\"expression_attribute_values\":{\":c\":\"c0001\"},"
                + "\"limit\":100},\"_meta\":{\"progressToken\":7}}}").getBytes(StandardCharsets.UTF_8);
        int rows = result.equals("1k") ? 4 : 128;
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            items.append(i == 0 ? "" : ",").append("{\"customer\":\"c0001\",\"order\":\"o%05d\",\"status\":\"SHIPPED\",\"amount\":%d,".formatted(i, 1000 + i))
                    .append("\"currency\":\"EUR\",\"created\":\"2026-11-01T10:00:00Z\",\"note\":\"gift wrap requested\"}");
        }
        String text = "{\"items\":" + items + "],\"count\":" + rows + ",\"truncated\":false}";
        Map<String, Object> structured = Json.mapper().readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        McpSchema.CallToolResult tool = new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(null, text, null)), false, structured,
                null);
        response = new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, 42, tool, null);
    }

    /** What the gateway's transport does today: a strict tree for the checks, then the SDK message from its text. */
    @Benchmark
    public McpSchema.JSONRPCMessage decodeAsGateway() throws Exception {
        JsonNode tree = Json.mapper().readTree(request);
        if (!"2.0".equals(tree.path("jsonrpc").asText(null)) || !tree.get("method").isTextual()) {
            throw new IllegalStateException();
        }
        return McpSchema.deserializeJsonRpcMessage(json, tree.toString());
    }

    /** The SDK's decode alone, straight from the body: the floor of {@link #decodeAsGateway}. */
    @Benchmark
    public McpSchema.JSONRPCMessage decodeSdkOnly() throws Exception {
        return McpSchema.deserializeJsonRpcMessage(json, new String(request, StandardCharsets.UTF_8));
    }

    @Benchmark
    public byte[] encodeToolResult() throws Exception {
        return json.writeValueAsBytes(response);
    }
}
