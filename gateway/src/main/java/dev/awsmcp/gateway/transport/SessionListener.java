package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Hears of sessions starting and ending (for the audit trail). Called on event-loop or timer
 * threads: implementations must not block.
 */
public interface SessionListener {

    /** Hears nothing. */
    SessionListener NONE = new SessionListener() {
        @Override
        public void started(String sessionId, Principal owner, McpSchema.Implementation client) {
        }

        @Override
        public void ended(String sessionId, Principal owner, McpSchema.Implementation client, String reason) {
        }
    };

    /** A session was initialized by {@code owner}; {@code client} is its initialize clientInfo (may be null). */
    void started(String sessionId, Principal owner, McpSchema.Implementation client);

    /** A session ended: {@code reason} is {@code deleted} (by the client), {@code expired} (idle) or {@code shutdown}. */
    void ended(String sessionId, Principal owner, McpSchema.Implementation client, String reason);
}
