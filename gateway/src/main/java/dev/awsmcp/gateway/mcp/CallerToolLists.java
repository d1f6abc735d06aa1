package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicySet;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.gateway.transport.DirectAnswers;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers of 2025-11-25 sessions that need no MCP server: {@code ping}, and {@code tools/list}, whose result
 * depends only on the policy set in force and the caller's teams. Each list is serialized once per policy set and
 * set of teams (a reload starts afresh) and then sent as it is, instead of filtering and serializing the whole
 * catalog (26 KB for the demo) on every request. The result is the same JSON the MCP server writes: the caller's
 * visible tools in registration order, no cursor (a request with a cursor goes to the MCP server, which ignores it).
 */
final class CallerToolLists implements DirectAnswers {

    private final ToolsetRegistry registry;
    private final PolicyStore policies;
    private final Map<String, McpSchema.Tool> described;
    private volatile Lists lists = new Lists(null, new ConcurrentHashMap<>());

    /** The serialized lists of one policy set, by the names of the caller's teams. */
    private record Lists(PolicySet set, ConcurrentHashMap<Set<String>, String> byTeams) {
    }

    /** @param described every tool's listed definition by exposed name, made once at startup */
    CallerToolLists(ToolsetRegistry registry, PolicyStore policies, Map<String, McpSchema.Tool> described) {
        this.registry = registry;
        this.policies = policies;
        this.described = described;
    }

    @Override
    public String result(String method, JsonNode params, Principal caller) {
        return switch (method) {
            case McpSchema.METHOD_PING -> "{}";
            case McpSchema.METHOD_TOOLS_LIST -> caller == null || params != null && params.hasNonNull("cursor") ? null : toolsOf(caller);
            default -> null;
        };
    }

    /** The {@code tools/list} result of {@code caller} as JSON text. */
    String toolsOf(Principal caller) {
        PolicySet set = policies.current();
        Lists now = lists;
        if (now.set() != set) {
            now = new Lists(set, new ConcurrentHashMap<>());
            lists = now;
        }
        EffectivePolicy policy = set.effective(caller);
        return now.byTeams().computeIfAbsent(policy.teams(), teams -> serialize(policy));
    }

    private String serialize(EffectivePolicy policy) {
        try {
            return McpServerFactory.JSON.writeValueAsString(new McpSchema.ListToolsResult(
                    registry.tools().stream().filter(policy::toolVisible).map(tool -> described.get(tool.name())).toList(), null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a tool list", e);
        }
    }
}
