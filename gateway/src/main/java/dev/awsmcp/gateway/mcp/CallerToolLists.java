package dev.awsmcp.gateway.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicySet;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.gateway.transport.DirectAnswers;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers of 2025-11-25 sessions that need no MCP server: {@code ping}, and {@code tools/list}, whose result
 * depends only on the policy set in force and the caller's teams. Each list is serialized once per policy set and
 * set of teams (a reload starts afresh) and then sent as it is, instead of filtering and serializing the whole
 * catalog (26 KB for the demo) on every request. The result is the same JSON the MCP server writes: the caller's
 * visible tools in registration order, no cursor (a request with a cursor goes to the MCP server, which ignores it). A
 * compact catalog's list ({@link CompactCatalog}) changes with the tools the caller's teams call, so it is serialized once
 * per list of names instead (a few hundred bytes each; the last {@value #COMPACT_LISTS} kept).
 */
final class CallerToolLists implements DirectAnswers {

    private static final byte[] EMPTY_RESULT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final int COMPACT_LISTS = 4096;

    private final ToolsetRegistry registry;
    private final PolicyStore policies;
    private final Map<String, McpSchema.Tool> described;
    private final CompactCatalog compact;
    private final Cache<List<String>, byte[]> compactLists = Caffeine.newBuilder().maximumSize(COMPACT_LISTS).build();
    private volatile Lists lists = new Lists(null, new ConcurrentHashMap<>());

    /** The serialized lists of one policy set, by the names of the caller's teams. */
    private record Lists(PolicySet set, ConcurrentHashMap<Set<String>, byte[]> byTeams) {
    }

    /**
     * @param described every tool's listed definition by exposed name ({@code search_tools}' too in a compact catalog), made
     *     once at startup
     * @param compact what a compact catalog lists; null: every tool the caller may see
     */
    CallerToolLists(ToolsetRegistry registry, PolicyStore policies, Map<String, McpSchema.Tool> described, CompactCatalog compact) {
        this.registry = registry;
        this.policies = policies;
        this.described = described;
        this.compact = compact;
    }

    @Override
    public byte[] result(String method, JsonNode params, Principal caller) {
        return switch (method) {
            case McpSchema.METHOD_PING -> EMPTY_RESULT;
            case McpSchema.METHOD_TOOLS_LIST -> caller == null || params != null && params.hasNonNull("cursor") ? null : toolsOf(caller);
            default -> null;
        };
    }

    /** The {@code tools/list} result of {@code caller} as JSON in UTF-8. */
    byte[] toolsOf(Principal caller) {
        if (compact != null) {
            return compactLists.get(compact.listed(policies.effective(caller)), names -> serialize(names.stream().map(described::get).toList()));
        }
        PolicySet set = policies.current();
        Lists now = lists;
        if (now.set() != set) {
            now = new Lists(set, new ConcurrentHashMap<>());
            lists = now;
        }
        EffectivePolicy policy = set.effective(caller);
        return now.byTeams().computeIfAbsent(policy.teams(), teams -> serialize(
                registry.tools().stream().filter(policy::toolVisible).map(tool -> described.get(tool.name())).toList()));
    }

    private static byte[] serialize(List<McpSchema.Tool> tools) {
        try {
            return McpServerFactory.JSON.writeValueAsBytes(new McpSchema.ListToolsResult(tools, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a tool list", e);
        }
    }
}
