package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Something the audit trail records: a tool call, a session starting or ending, a policy reload.
 * Immutable. {@link AuditLog} adds the chain fields ({@code seq}, {@code prev}) in front of
 * {@link #toJson()} when it writes the event as one line.
 */
public sealed interface AuditEvent permits ToolCallRecord, SessionRecord, PolicyReloadRecord {

    /** When it happened. */
    Instant timestamp();

    /** The record type: {@code tool_call}, {@code session_start}, {@code session_end}, {@code policy_reload}. */
    String type();

    /** The fields of the record, starting with {@code ts} and {@code type}, in a stable order. */
    ObjectNode toJson();

    /** A new object holding {@code ts} (ISO-8601 UTC, milliseconds) and {@code type}, for implementations. */
    static ObjectNode header(AuditEvent event) {
        ObjectNode json = dev.awsmcp.toolset.support.Json.object();
        json.put("ts", AuditTimestamps.format(event.timestamp()));
        json.put("type", event.type());
        return json;
    }
}
