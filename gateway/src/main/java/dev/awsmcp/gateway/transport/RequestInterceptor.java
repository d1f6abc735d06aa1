package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * Sees every JSON-RPC request of a session before the MCP server handles it; the request is handled
 * when the returned Mono completes. Used to audit calls of tool names no toolset serves, which the
 * SDK answers itself, and calls refused for malformed params. Must not block.
 */
@FunctionalInterface
public interface RequestInterceptor {

    /** Lets every request through at once. */
    RequestInterceptor NONE = (request, sessionId, principal, client) -> Mono.empty();

    /** Runs before {@code request} of session {@code sessionId} (owned by {@code principal}, whose client is {@code client}). */
    Mono<Void> before(McpSchema.JSONRPCRequest request, String sessionId, Principal principal, McpSchema.Implementation client);

    /**
     * Runs instead, before {@code request} is refused as invalid params; {@code problem} says what is wrong
     * (e.g. {@code params.arguments must be an object, got a number}). Lets nothing happen by default.
     */
    default Mono<Void> refused(McpSchema.JSONRPCRequest request, String problem, String sessionId, Principal principal,
            McpSchema.Implementation client) {
        return Mono.empty();
    }
}
