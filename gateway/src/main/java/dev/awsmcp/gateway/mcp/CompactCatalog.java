package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a compact catalog lists for a caller: {@code search_tools} first, then the tools the caller's teams called recently
 * that the caller may still see, in registration order; nothing for a caller who may see no tool. The list only saves
 * context: every tool the caller may see can be called, listed or not (the policy decides at call time, as always), and a
 * change of the recent tools sends no {@code notifications/tools/list_changed}.
 */
final class CompactCatalog {

    private final ToolsetRegistry registry;
    private final PolicyStore policies;
    private final RecentTools recent;
    private final CatalogSearch search;

    CompactCatalog(ToolsetRegistry registry, PolicyStore policies, RecentTools recent, CatalogSearch search) {
        this.registry = registry;
        this.policies = policies;
        this.recent = recent;
        this.search = search;
    }

    /** The search tool every caller who may see some tool sees. */
    CatalogSearch search() {
        return search;
    }

    /** The names of the tools {@code policy}'s caller lists. */
    List<String> listed(EffectivePolicy policy) {
        if (!search.visible(policy)) {
            return List.of();
        }
        Set<String> called = recent.of(policy.teams());
        List<String> names = new ArrayList<>(called.size() + 1);
        names.add(CatalogSearch.NAME);
        for (RegisteredTool tool : registry.tools()) {
            if (called.contains(tool.name()) && policy.toolVisible(tool)) {
                names.add(tool.name());
            }
        }
        return names;
    }

    /** Whether {@code principal}'s list shows the tool named {@code name}; nobody's shows anything. */
    boolean listed(Principal principal, String name) {
        return principal != null && listed(policies.effective(principal)).contains(name);
    }
}
