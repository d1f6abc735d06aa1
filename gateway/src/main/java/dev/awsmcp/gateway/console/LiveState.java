package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.policy.PolicySet;
import dev.awsmcp.gateway.policy.TeamPolicy;
import dev.awsmcp.gateway.resilience.BreakerStatus;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.toolset.support.Json;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Comparator;
import java.util.Map;

/**
 * What this instance is doing now, for the console's live page: its open sessions, each toolset's circuit breakers,
 * the policy set in force (its fingerprint, and the problems of a rejected reload) and the audit writer's state.
 * Reads only in-memory state: cheap enough for the event loop.
 */
final class LiveState {

    /** Sessions listed at most; the count is always whole. */
    static final int MAX_SESSIONS = 500;

    private final ConsoleSources sources;

    LiveState(ConsoleSources sources) {
        this.sources = sources;
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.set("sessions", sessions());
        json.set("toolsets", toolsets());
        json.set("policies", policies());
        json.set("audit", audit());
        return json;
    }

    private ObjectNode sessions() {
        Map<String, Principal> open = sources.sessions().get();
        ObjectNode json = Json.object().put("count", open.size());
        ArrayNode list = json.putArray("list");
        open.entrySet().stream()
                .sorted(Map.Entry.<String, Principal>comparingByValue(Comparator.comparing(Principal::id)).thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_SESSIONS)
                .forEach(e -> list.addObject().put("id", e.getKey()).put("principal", e.getValue().id())
                        .put("method", e.getValue().method().name()));
        return json;
    }

    private ArrayNode toolsets() {
        ArrayNode list = Json.mapper().createArrayNode();
        for (ToolsetInstance instance : sources.registry().instances()) {
            ObjectNode toolset = list.addObject().put("id", instance.id()).put("type", instance.config().type())
                    .put("region", instance.config().region().id())
                    .put("openBreakers", sources.resilience().breakersIn(instance.id(), CircuitBreaker.State.OPEN))
                    .put("halfOpenBreakers", sources.resilience().breakersIn(instance.id(), CircuitBreaker.State.HALF_OPEN));
            ArrayNode breakers = toolset.putArray("breakers");
            sources.resilience().breakersNotClosed(instance.id()).stream().map(BreakerStatus::toJson).forEach(breakers::add);
        }
        return list;
    }

    private ObjectNode policies() {
        PolicySet set = sources.policies().current();
        ObjectNode json = Json.object().put("dir", sources.policies().dir().toString()).put("fingerprint", set.fingerprint());
        ArrayNode teams = json.putArray("teams");
        set.teams().stream().map(TeamPolicy::team).sorted().forEach(teams::add);
        ArrayNode rejected = json.putArray("rejectedProblems");
        sources.policies().rejectedProblems().forEach(rejected::add);
        return json;
    }

    private ObjectNode audit() {
        ObjectNode json = Json.object().put("writing", sources.audit().writing()).put("backlog", sources.audit().backlog())
                .put("writeFailures", sources.audit().writeFailures()).put("overloadRefusals", sources.audit().overloadRefusals());
        ArrayNode sinks = json.putArray("sinks");
        sources.audit().sinks().forEach(sink -> sinks.add(sink.describe()));
        return json;
    }
}
