package dev.awsmcp.gateway.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.auth.Principal;

/**
 * Answers some requests of a 2025-11-25 session at once, on the event loop, without the MCP server: results
 * that depend only on who asks (a ping, the caller's tool list), prepared as JSON text. Such a request gets a
 * plain {@code application/json} response, which Streamable HTTP allows for any request; the rest keep their
 * event stream. Must not block.
 */
@FunctionalInterface
public interface DirectAnswers {

    /** Answers nothing: the MCP server handles every request. */
    DirectAnswers NONE = (method, params, caller) -> null;

    /**
     * The result of {@code method} with {@code params} (null: none) for {@code caller} as JSON in UTF-8, or null when the
     * MCP server must answer it. The array is shared between answers: it is written, never changed.
     */
    byte[] result(String method, JsonNode params, Principal caller);
}
