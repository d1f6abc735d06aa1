package dev.awsmcp.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Raw MCP 2026-07-28 requests, as the spec writes them: the per-request {@code _meta} (protocol version, client
 * capabilities, client info) and the {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers.
 */
public final class ModernHttp {

    public static final String VERSION = "2026-07-28";
    /** Client capabilities that declare form elicitation. */
    public static final String ELICITATION = "{\"elicitation\":{\"form\":{}}}";

    private final McpHttp http;

    /** Requests to {@code url} authenticated with {@code bearer}. */
    public ModernHttp(URI url, String bearer) {
        this.http = new McpHttp(url, bearer);
    }

    /** The {@code _meta} of a request by a client declaring {@code capabilities} (JSON). */
    public static ObjectNode meta(String capabilities) {
        ObjectNode meta = Json.object();
        meta.put("io.modelcontextprotocol/protocolVersion", VERSION);
        meta.set("io.modelcontextprotocol/clientCapabilities", tree(capabilities));
        meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "raw-test").put("version", "1");
        return meta;
    }

    /** A {@code tools/call} of {@code tool} with {@code arguments} (JSON) by a client declaring {@code capabilities}. */
    public static ObjectNode toolsCall(String tool, String arguments, String capabilities) {
        ObjectNode params = Json.object().put("name", tool);
        params.set("arguments", tree(arguments));
        params.set("_meta", meta(capabilities));
        return params;
    }

    /** Posts request {@code id} of {@code method} with {@code params} and the headers that match it. */
    public HttpResponse<String> post(int id, String method, ObjectNode params) throws IOException, InterruptedException {
        ObjectNode body = Json.object().put("jsonrpc", "2.0").put("id", id).put("method", method);
        body.set("params", params);
        String name = params.hasNonNull("name") ? params.get("name").asText() : null;
        return name == null ? http.post(body.toString(), "MCP-Protocol-Version", VERSION, "Mcp-Method", method)
                : http.post(body.toString(), "MCP-Protocol-Version", VERSION, "Mcp-Method", method, "Mcp-Name", name);
    }

    /** The JSON-RPC response of {@code response}, whether it came as JSON or as an event stream. */
    public static JsonNode json(HttpResponse<String> response) throws IOException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        return type.startsWith("text/event-stream") ? McpHttp.response(response.body()) : Json.mapper().readTree(response.body());
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
