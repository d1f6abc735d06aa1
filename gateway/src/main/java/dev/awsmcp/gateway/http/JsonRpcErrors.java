package dev.awsmcp.gateway.http;

import dev.awsmcp.toolset.support.Json;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way the HTTP layer refuses a request: an HTTP status plus a JSON-RPC 2.0 error envelope
 * whose message says what was wrong and how to fix it. Never includes stack traces or internals.
 */
public final class JsonRpcErrors {

    /** Invalid JSON was received. */
    public static final int PARSE_ERROR = -32700;
    /** The JSON is not a valid JSON-RPC request. */
    public static final int INVALID_REQUEST = -32600;
    /** The params of a request are not what its method takes. */
    public static final int INVALID_PARAMS = -32602;
    /** Internal error. */
    public static final int INTERNAL_ERROR = -32603;
    /** Gateway-defined: the request was refused by the transport (headers, session, size). */
    public static final int TRANSPORT_ERROR = -32000;
    /** MCP 2026-07-28: the protocol version asked for is not served; data lists the supported ones. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private JsonRpcErrors() {
    }

    /** {@code text} as it may be shown in an error message or a log line: printable ASCII only, cut to {@code maxLength}. */
    public static String printable(String text, int maxLength) {
        String line = String.valueOf(text).replaceAll("[^\\x20-\\x7e]", "?");
        return line.length() > maxLength ? line.substring(0, maxLength) + "..." : line;
    }

    /** Ends the exchange with {@code status} and a JSON-RPC error; does nothing if the response has ended. */
    public static void send(RoutingContext ctx, int status, int code, String message) {
        send(ctx.response(), status, code, message, null);
    }

    /** Ends the response with {@code status} and a JSON-RPC error echoing {@code id} when known. */
    public static void send(HttpServerResponse response, int status, int code, String message, Object id) {
        send(response, status, new Error(code, message, null), id);
    }

    /**
     * A JSON-RPC error: its code, message and data (null: none).
     */
    public record Error(int code, String message, Object data) {
    }

    /** Ends the response with {@code status} and {@code error}, echoing {@code id} when known. */
    public static void send(HttpServerResponse response, int status, Error refusal, Object id) {
        if (response.ended() || response.closed()) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", refusal.code());
        error.put("message", refusal.message());
        if (refusal.data() != null) {
            error.put("data", refusal.data());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error);
        String json;
        try {
            json = Json.mapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            json = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32603,\"message\":\"internal error\"}}";
        }
        if (!response.headWritten()) {
            response.setStatusCode(status).putHeader("Content-Type", "application/json");
        }
        response.end(json);
    }
}
