package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The policy set changed ({@code accepted}: the teams now in force and the set's fingerprint) or a
 * change was rejected (the problems; the last good set stays in force). The set loaded at startup is
 * recorded as accepted with reason {@code startup}.
 *
 * @param timestamp when
 * @param accepted whether the new set went into force
 * @param reason {@code startup} or {@code reload}
 * @param teams the teams in force after the event
 * @param fingerprint the fingerprint of the set in force after the event
 * @param problems why a change was rejected; empty when accepted
 */
public record PolicyReloadRecord(Instant timestamp, boolean accepted, String reason, List<String> teams, String fingerprint,
        List<String> problems) implements AuditEvent {

    public PolicyReloadRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        teams = List.copyOf(teams);
        problems = List.copyOf(problems);
    }

    /** A new set went into force. */
    public static PolicyReloadRecord accepted(String reason, List<String> teams, String fingerprint) {
        return new PolicyReloadRecord(Instant.now(), true, reason, teams, fingerprint, List.of());
    }

    /** A change was rejected; {@code teams} and {@code fingerprint} describe the set that stays in force. */
    public static PolicyReloadRecord rejected(List<String> teams, String fingerprint, List<String> problems) {
        return new PolicyReloadRecord(Instant.now(), false, "reload", teams, fingerprint, problems);
    }

    @Override
    public String type() {
        return "policy_reload";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode json = AuditEvent.header(this);
        json.put("accepted", accepted);
        json.put("reason", reason);
        json.set("teams", ToolCallRecord.sortedArray(teams));
        json.put("fingerprint", fingerprint);
        json.set("problems", dev.awsmcp.toolset.support.Json.mapper().valueToTree(problems));
        return json;
    }
}
