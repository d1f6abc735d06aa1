package dev.awsmcp.gateway.resilience;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.time.Instant;

/**
 * The state of one team's circuit breaker for a toolset, for health answers.
 *
 * @param toolsetId the toolset id
 * @param region the toolset's region
 * @param team the team whose calls it counts
 * @param state {@code OPEN}, {@code HALF_OPEN} (a probe call is under way) or {@code CLOSED}
 * @param halfOpensAt when an open breaker lets the next call through as a probe (it may lie in the past: the
 *     breaker half-opens on that call); {@code null} unless open
 */
public record BreakerStatus(String toolsetId, String region, String team, String state, Instant halfOpensAt) {

    /** {@code {team, state, halfOpensAt?}}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object().put("team", team).put("state", state);
        if (halfOpensAt != null) {
            json.put("halfOpensAt", halfOpensAt.toString());
        }
        return json;
    }
}
