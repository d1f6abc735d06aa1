package dev.awsmcp.gateway.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.resilience.BreakerStatus;
import dev.awsmcp.toolset.support.Json;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The last health check of one toolset instance, with the live state of its circuit breakers.
 *
 * @param id the toolset id
 * @param type the toolset type
 * @param region its AWS region
 * @param up true when the check reached the service with the toolset's credentials
 * @param detail why it failed (ARNs and account ids masked); empty when up
 * @param checkedAt when the check ran (results are reused for {@code admin.toolsetCheckTtl})
 * @param breakers the toolset's breakers that are open or half-open (one per team), empty when all are closed
 */
public record ToolsetStatus(String id, String type, String region, boolean up, String detail, Instant checkedAt,
        List<BreakerStatus> breakers) {

    /** ARNs name roles, accounts and resources: an operator finds them in the configuration, not in health answers. */
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[^\\s\"'(),]*");
    private static final Pattern ACCOUNT = Pattern.compile("\\b\\d{12}\\b");

    public ToolsetStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkedAt, "checkedAt");
        detail = up ? "" : mask(Objects.requireNonNull(detail, "detail"));
        breakers = List.copyOf(breakers);
    }

    /** A status without breaker states, as the health check leaves it. */
    public ToolsetStatus(String id, String type, String region, boolean up, String detail, Instant checkedAt) {
        this(id, type, region, up, detail, checkedAt, List.of());
    }

    static String mask(String detail) {
        return ACCOUNT.matcher(ARN.matcher(detail).replaceAll("arn:***")).replaceAll("************");
    }

    /** This status with {@code breakers} as the breaker states. */
    public ToolsetStatus withBreakers(List<BreakerStatus> breakers) {
        return new ToolsetStatus(id, type, region, up, detail, checkedAt, breakers);
    }

    /**
     * {@code UP}; {@code DEGRADED} when the check passes but some team's breaker is not closed (the service answers,
     * yet that team's calls are refused or probing); {@code DOWN} when the check fails.
     */
    public String status() {
        return !up ? "DOWN" : breakers.isEmpty() ? "UP" : "DEGRADED";
    }

    /** {@code {toolset, type, region, status: UP|DEGRADED|DOWN, detail?, breakers?, checkedAt}}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("toolset", id);
        json.put("type", type);
        json.put("region", region);
        json.put("status", status());
        if (!up) {
            json.put("detail", detail);
        }
        if (!breakers.isEmpty()) {
            ArrayNode list = json.putArray("breakers");
            breakers.forEach(b -> list.add(b.toJson()));
        }
        json.put("checkedAt", checkedAt.toString());
        return json;
    }
}
