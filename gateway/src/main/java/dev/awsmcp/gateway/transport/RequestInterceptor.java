package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * Sees every JSON-RPC request of a session before the MCP server handles it; the request is handled
 * when the returned Mono completes. Used to audit calls of tool names no toolset serves, which the
 * SDK answers itself. Must not block.
 */
@FunctionalInterface
public interface RequestInterceptor {

    /** Lets every request through at once. */
    RequestInterceptor NONE = (request, sessionId, principal, client) -> Mono.empty();

    /** Runs before {@code request} of session {@code sessionId} (owned by {@code principal}, whose client is {@code client}). */
    Mono<Void> before(McpSchema.JSONRPCRequest request, String sessionId, Principal principal, McpSchema.Implementation client);
}
