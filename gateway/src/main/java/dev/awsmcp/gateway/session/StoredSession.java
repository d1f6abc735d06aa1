package dev.awsmcp.gateway.session;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A session as the {@link SessionStore} keeps it: enough to rebuild the MCP session on any instance
 * (the initialize data) and to keep it bound to the principal that created it.
 *
 * @param id the externally visible session id (the {@code Mcp-Session-Id} header)
 * @param principalId the id of the principal that initialized the session; only it may use the session
 * @param principalGroups that principal's groups at initialize (for the audit trail)
 * @param protocolVersion the protocol version the client asked for at initialize
 * @param clientInfo the initialize {@code clientInfo} as JSON, or null
 * @param capabilities the initialize {@code capabilities} as JSON, or null
 * @param createdAt when the session was initialized
 * @param updatedAt when a request last refreshed it in the store
 * @param expiresAt when it expires unless refreshed (the store's {@code ttl}, whole seconds)
 * @param state per-session state of later features (string values by key; see {@link SessionStore#compareAndSetState})
 */
public record StoredSession(String id, String principalId, Set<String> principalGroups, String protocolVersion, String clientInfo,
        String capabilities, Instant createdAt, Instant updatedAt, Instant expiresAt, Map<String, String> state) {

    public StoredSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        principalGroups = principalGroups == null ? Set.of() : Set.copyOf(principalGroups);
        state = state == null ? Map.of() : Map.copyOf(state);
    }

    /** Whether the session has expired at {@code now} (expiry is checked on read: DynamoDB deletes expired items lazily). */
    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** This session refreshed at {@code now} to expire {@code ttl} later (in whole seconds, rounded up). */
    StoredSession refreshed(Instant now, java.time.Duration ttl) {
        return new StoredSession(id, principalId, principalGroups, protocolVersion, clientInfo, capabilities, createdAt, now,
                SessionStore.expiry(now, ttl), state);
    }

    /** This session with {@code key} set to {@code value} in its state. */
    StoredSession withState(String key, String value) {
        Map<String, String> next = new java.util.HashMap<>(state);
        next.put(key, value);
        return new StoredSession(id, principalId, principalGroups, protocolVersion, clientInfo, capabilities, createdAt, updatedAt,
                expiresAt, next);
    }
}
