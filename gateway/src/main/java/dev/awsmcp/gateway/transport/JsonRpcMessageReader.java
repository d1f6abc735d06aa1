package dev.awsmcp.gateway.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * Reads the one JSON-RPC 2.0 message of a POST body, strictly (duplicate keys, trailing data, batches,
 * wrong {@code jsonrpc}, {@code id} or {@code method} types refused), answering a refusal itself.
 */
final class JsonRpcMessageReader {

    private JsonRpcMessageReader() {
    }

    /** The message, or null after a 400 with a JSON-RPC error naming what is wrong was sent. */
    static McpSchema.JSONRPCMessage read(RoutingContext ctx, McpJsonMapper json) {
        JsonNode tree;
        try {
            tree = ctx.body() == null || ctx.body().buffer() == null ? null : Json.mapper().readTree(ctx.body().buffer().getBytes());
        } catch (IOException e) {
            JsonRpcErrors.send(ctx, 400, JsonRpcErrors.PARSE_ERROR, "body is not valid JSON: " + rootMessage(e));
            return null;
        }
        if (tree == null || !tree.isObject()) {
            JsonRpcErrors.send(ctx, 400, JsonRpcErrors.INVALID_REQUEST,
                    tree != null && tree.isArray() ? "JSON-RPC batches are not supported; send one message per request"
                            : "body must be one JSON-RPC 2.0 message object");
            return null;
        }
        if (!"2.0".equals(tree.path("jsonrpc").asText(null))) {
            JsonRpcErrors.send(ctx.response(), 400, JsonRpcErrors.INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\"", idOf(tree));
            return null;
        }
        JsonNode method = tree.get("method");
        if (method != null && (!method.isTextual() || method.asText().isEmpty())) {
            JsonRpcErrors.send(ctx.response(), 400, JsonRpcErrors.INVALID_REQUEST, "\"method\" must be a non-empty string", idOf(tree));
            return null;
        }
        JsonNode id = tree.get("id");
        if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
            JsonRpcErrors.send(ctx, 400, JsonRpcErrors.INVALID_REQUEST, "\"id\" must be a string or an integer");
            return null;
        }
        if (method == null && id == null) {
            JsonRpcErrors.send(ctx, 400, JsonRpcErrors.INVALID_REQUEST, "message has neither \"method\" nor \"id\"");
            return null;
        }
        try {
            return McpSchema.deserializeJsonRpcMessage(json, tree.toString());
        } catch (IOException | IllegalArgumentException e) {
            JsonRpcErrors.send(ctx.response(), 400, JsonRpcErrors.INVALID_REQUEST, "not a valid JSON-RPC message: " + rootMessage(e), idOf(tree));
            return null;
        }
    }

    private static Object idOf(JsonNode tree) {
        JsonNode id = tree.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        return id.isIntegralNumber() ? id.longValue() : id.asText();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

}
