package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A session started ({@code session_start}, at initialize) or ended ({@code session_end}).
 *
 * @param timestamp when
 * @param started true for a start, false for an end
 * @param sessionId the MCP session id
 * @param principal who owns the session
 * @param groups the principal's groups (JWT); empty for API keys
 * @param client the client's name and version from initialize; null when unknown
 * @param reason why it ended ({@code deleted}, {@code expired}, {@code shutdown}); null for a start
 */
public record SessionRecord(Instant timestamp, boolean started, String sessionId, String principal, Set<String> groups,
        ClientInfo client, String reason) implements AuditEvent {

    public SessionRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(sessionId, "sessionId");
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** A {@code session_start} record, now. */
    public static SessionRecord start(String sessionId, String principal, Set<String> groups, ClientInfo client) {
        return new SessionRecord(Instant.now(), true, sessionId, principal, groups, client, null);
    }

    /** A {@code session_end} record, now. */
    public static SessionRecord end(String sessionId, String principal, Set<String> groups, ClientInfo client, String reason) {
        return new SessionRecord(Instant.now(), false, sessionId, principal, groups, client, reason);
    }

    @Override
    public String type() {
        return started ? "session_start" : "session_end";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = AuditEvent.header(this);
        json.put("session_id", sessionId);
        json.put("principal", principal);
        json.set("groups", ToolCallRecord.sortedArray(groups));
        json.set("client", ClientInfo.toJson(client));
        if (!started) {
            json.put("reason", reason);
        }
        return json;
    }
}
