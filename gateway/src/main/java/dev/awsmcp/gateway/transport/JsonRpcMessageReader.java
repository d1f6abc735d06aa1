package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the one JSON-RPC 2.0 message of a POST body, strictly, answering a refusal itself (400): the body
 * must be UTF-8 JSON (no NUL bytes, no byte order mark, no duplicate keys, nothing after the message), one
 * object (no batches), {@code "jsonrpc": "2.0"}; a request or notification has a non-empty string
 * {@code method} and no {@code result} or {@code error}; a response has a usable {@code id} and either an
 * object {@code result} or an {@code error} object with an integer {@code code} and a string
 * {@code message}; notification params are an object. A usable id is a string of at most
 * {@value #MAX_ID_CHARS} characters or a JSON number written in at most as many; it is echoed exactly.
 * Refusals of a request echo its id when usable; refusals of notifications and responses carry none,
 * as the Streamable HTTP transport asks. Request params are checked later ({@link McpRequestParams}),
 * once the session is known, so that a refused tools/call is audited.
 */
final class JsonRpcMessageReader {

    static final int MAX_ID_CHARS = 256;
    /** Keeps numbers as written (1.50 stays 1.50), so that an id is echoed exactly. */
    private static final ObjectReader EXACT = Json.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private JsonRpcMessageReader() {
    }

    /** The message, or null after a 400 with a JSON-RPC error naming what is wrong was sent. */
    static ClientMessage read(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        JsonNode tree;
        try {
            tree = parse(body == null ? new byte[0] : body.getBytes());
        } catch (Refusal refusal) {
            JsonRpcErrors.send(ctx, 400, refusal.code, refusal.getMessage());
            return null;
        }
        try {
            return message(tree);
        } catch (Refusal refusal) {
            JsonRpcErrors.send(ctx.response(), 400, refusal.code, refusal.getMessage(), refusal.id);
            return null;
        }
    }

    private static JsonNode parse(byte[] bytes) throws Refusal {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b == 0) {
                throw new Refusal(JsonRpcErrors.PARSE_ERROR, "body must be UTF-8 JSON; it contains NUL bytes (UTF-16 or UTF-32?)", null);
            }
            ascii &= b > 0;
        }
        String text;
        try {
            // Most bodies are ASCII, which is valid UTF-8 as it stands: only others need a checking decoder.
            text = ascii ? new String(bytes, StandardCharsets.ISO_8859_1) : StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(JsonRpcErrors.PARSE_ERROR, "body is not valid UTF-8; JSON must be sent as UTF-8", null);
        }
        if (text.isBlank()) {
            throw new Refusal(JsonRpcErrors.PARSE_ERROR, "body is empty; send one JSON-RPC 2.0 message object", null);
        }
        if (text.charAt(0) == '\uFEFF') {
            throw new Refusal(JsonRpcErrors.PARSE_ERROR, "body starts with a byte order mark; send UTF-8 JSON without one", null);
        }
        try {
            return EXACT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Refusal(JsonRpcErrors.PARSE_ERROR, "body is not valid JSON: " + JsonSyntaxErrors.describe(e), null);
        }
    }

    private static ClientMessage message(JsonNode tree) throws Refusal {
        if (!tree.isObject()) {
            throw new Refusal(JsonRpcErrors.INVALID_REQUEST, tree.isArray() ? "JSON-RPC batches are not supported; send one message per request"
                    : "body must be one JSON-RPC 2.0 message object", null);
        }
        JsonNode method = tree.get("method");
        JsonNode id = tree.get("id");
        String idProblem = id == null ? null : idProblem(id);
        Object echo = method != null && idProblem == null ? id : null;
        if (!"2.0".equals(tree.path("jsonrpc").textValue())) {
            throw new Refusal(JsonRpcErrors.INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\"", echo);
        }
        if (idProblem != null) {
            throw new Refusal(JsonRpcErrors.INVALID_REQUEST, idProblem, null);
        }
        if (method == null) {
            return response(tree, id);
        }
        if (!method.isTextual() || method.textValue().isEmpty()) {
            throw new Refusal(JsonRpcErrors.INVALID_REQUEST, "\"method\" must be a non-empty string", echo);
        }
        if (tree.has("result") || tree.has("error")) {
            throw new Refusal(JsonRpcErrors.INVALID_REQUEST, "a message with \"method\" has no \"result\" or \"error\"", echo);
        }
        JsonNode params = tree.get("params");
        if (id == null) {
            if (params != null && !params.isObject()) {
                throw new Refusal(JsonRpcErrors.INVALID_PARAMS, "notification params must be an object, got " + McpRequestParams.kind(params), null);
            }
            return new ClientMessage(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, method.textValue(), value(params)), params, null);
        }
        return new ClientMessage(new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, method.textValue(), ClientMessage.sdkId(id), value(params)),
                params, id);
    }

    private static ClientMessage response(JsonNode tree, JsonNode id) throws Refusal {
        if (id == null) {
            throw new Refusal(JsonRpcErrors.INVALID_REQUEST, "message has neither \"method\" nor \"id\"", null);
        }
        JsonNode result = tree.get("result");
        JsonNode error = tree.get("error");
        if ((result == null) == (error == null)) {
            throw new Refusal(JsonRpcErrors.INVALID_REQUEST, "a response has either \"result\" or \"error\", not both or neither", null);
        }
        if (result != null && !result.isObject()) {
            throw new Refusal(JsonRpcErrors.INVALID_REQUEST, "a response's \"result\" must be an object, got " + McpRequestParams.kind(result), null);
        }
        McpSchema.JSONRPCResponse.JSONRPCError sdkError = null;
        if (error != null) {
            if (!error.isObject() || !error.path("code").canConvertToInt() || !error.path("code").isIntegralNumber()
                    || !error.path("message").isTextual()) {
                throw new Refusal(JsonRpcErrors.INVALID_REQUEST, "a response's \"error\" must be an object with an integer \"code\" "
                        + "and a string \"message\"", null);
            }
            sdkError = new McpSchema.JSONRPCResponse.JSONRPCError(error.get("code").intValue(), error.get("message").textValue(),
                    value(error.get("data")));
        }
        return new ClientMessage(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, ClientMessage.sdkId(id), value(result), sdkError),
                null, id);
    }

    /** Why {@code id} cannot be used, or null when it can. */
    private static String idProblem(JsonNode id) {
        if (!id.isTextual() && !id.isNumber()) {
            return "\"id\" must be a string or a number, got " + McpRequestParams.kind(id);
        }
        if (id.asText().length() > MAX_ID_CHARS) {
            return "\"id\" is longer than " + MAX_ID_CHARS + " characters; use a shorter id";
        }
        return null;
    }

    /** {@code node} as the plain Java values (maps, lists, strings, numbers) the SDK binds params from. */
    private static Object value(JsonNode node) {
        return node == null || node.isNull() ? null : Json.mapper().convertValue(node, Object.class);
    }

    /** A message refused: the JSON-RPC code, what is wrong, and the id to echo (null for none). */
    private static final class Refusal extends Exception {
        private final int code;
        private final transient Object id;

        Refusal(int code, String message, Object id) {
            super(message, null, false, false);
            this.code = code;
            this.id = id;
        }
    }
}
