package dev.awsmcp.gateway.policy;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.api.ResourceFilter;
import dev.awsmcp.toolset.api.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one principal may see and do: the policies of every team it belongs to. The union never grants
 * more than some single team grants: a call is allowed only when one team's grant covers the tool and
 * every resource of the call together. Deny by default: a principal in no team sees nothing.
 */
public final class EffectivePolicy {

    private final Principal principal;
    private final List<TeamPolicy> teams;

    EffectivePolicy(Principal principal, List<TeamPolicy> teams) {
        this.principal = principal;
        this.teams = List.copyOf(teams);
    }

    public Principal principal() {
        return principal;
    }

    /** The names of the principal's teams. */
    public Set<String> teams() {
        return teams.stream().map(TeamPolicy::team).collect(Collectors.toUnmodifiableSet());
    }

    /** True when some team grants the tool (its name and access class). */
    public boolean toolVisible(RegisteredTool tool) {
        return grantsOf(tool).findAny().isPresent();
    }

    /**
     * Authorizes a call of {@code tool} touching {@code resources}.
     *
     * @throws IllegalArgumentException when a resource identifier cannot be canonicalized; the message
     *     is for the model
     */
    public Decision authorize(RegisteredTool tool, List<ResourceRef> resources) {
        CallResources names = new CallResources(tool);
        List<CallResources.Resolved> resolved = new ArrayList<>();
        for (ResourceRef ref : resources) {
            resolved.add(names.resolve(ref));
        }
        List<TeamPolicy> granting = teams.stream().filter(t -> grant(t, tool).isPresent()).toList();
        if (granting.isEmpty()) {
            return new Decision.Denied(tool.name() + " is not granted to " + principal.id());
        }
        for (TeamPolicy team : granting) {
            Grant grant = grant(team, tool).orElseThrow();
            if (resolved.stream().allMatch(r -> grant.covers(r.kind(), r.canonical()))) {
                return new Decision.Allowed(team.team(), grant.describe());
            }
        }
        CallResources.Resolved first = resolved.stream().filter(r -> !coveredBySome(granting, tool, r)).findFirst()
                .orElse(resolved.get(0));
        String outside = " is outside the resources granted for " + tool.name() + " to team(s) "
                + granting.stream().map(TeamPolicy::team).sorted().toList();
        String reason = first.canonical() + outside;
        return first.named() ? new Decision.Denied(reason)
                : new Decision.Denied(reason, "a " + first.canonical().kind() + " this call reads (derived from its arguments, not named in them)"
                        + outside);
    }

    private static boolean coveredBySome(List<TeamPolicy> granting, RegisteredTool tool, CallResources.Resolved resource) {
        return granting.stream().anyMatch(t -> grant(t, tool).orElseThrow().covers(resource.kind(), resource.canonical()));
    }

    /** Which resources a listing by {@code tool} may return: those some granting team's patterns cover. */
    public ResourceFilter visibility(RegisteredTool tool) {
        CallResources names = new CallResources(tool);
        List<Grant> grants = grantsOf(tool).toList();
        return ref -> names.tryResolve(ref).map(r -> grants.stream().anyMatch(g -> g.covers(r.kind(), r.canonical()))).orElse(false);
    }

    /**
     * What each of the principal's teams grants, for the principal to read ({@code gateway://whoami}): per
     * team its limits and, per toolset, the tool and resource patterns and access classes. Never the
     * grants of teams the principal is not in.
     */
    public List<java.util.Map<String, Object>> describe() {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        for (TeamPolicy team : teams) {
            java.util.Map<String, Object> toolsets = new java.util.TreeMap<>();
            team.grants().forEach((toolset, grant) -> toolsets.put(toolset, java.util.Map.of(
                    "tools", grant.tools().stream().map(dev.awsmcp.toolset.api.NamePattern::pattern).toList(),
                    "access", grant.access().stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList(),
                    "resources", grant.resources().stream().map(dev.awsmcp.toolset.api.NamePattern::pattern).toList())));
            TeamPolicy.TeamLimits limits = team.limits();
            java.util.Map<String, Object> described = new java.util.LinkedHashMap<>();
            described.put("team", team.team());
            described.put("toolsets", toolsets);
            described.put("confirm", team.confirm().stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
            described.put("taint", java.util.Map.of("onFindings", team.taint().onFindings().id(),
                    "onUntrusted", team.taint().onUntrusted().id()));
            described.put("limits", java.util.Map.of("maxResultBytes", limits.maxResultBytes(), "maxRows", limits.maxRows(),
                    "callsPerMinute", limits.callsPerMinute()));
            out.add(described);
        }
        return out;
    }

    /** The limits of {@code team}, one of this principal's teams. */
    public TeamPolicy.TeamLimits limitsOf(String team) {
        return teams.stream().filter(t -> t.team().equals(team)).findFirst().orElseThrow().limits();
    }

    /**
     * The session policy of {@code team}'s grant of toolset {@code toolsetId}, rendered when the policy was
     * loaded, or null when that grant asks for none; {@code team} is one of this principal's teams,
     * normally the one whose grant allowed the call.
     */
    public String sessionPolicy(String team, String toolsetId) {
        return teams.stream().filter(t -> t.team().equals(team)).findFirst()
                .map(t -> t.grants().get(toolsetId)).map(Grant::sessionPolicy).orElse(null);
    }

    /** Whether {@code team}'s policy (one of this principal's teams) wants a person to confirm calls of {@code access} first. */
    public boolean confirms(String team, dev.awsmcp.toolset.api.Access access) {
        return teams.stream().filter(t -> t.team().equals(team)).findFirst().orElseThrow().confirm().contains(access);
    }

    /** {@code team}'s rules (one of this principal's teams) for write and invoke calls in a tainted session. */
    public dev.awsmcp.gateway.taint.TaintRules taintRules(String team) {
        return teams.stream().filter(t -> t.team().equals(team)).findFirst().orElseThrow().taint();
    }

    /** The semantic detector mode of {@code team}, one of this principal's teams. */
    public dev.awsmcp.gateway.guard.SemanticMode semanticOf(String team) {
        return teams.stream().filter(t -> t.team().equals(team)).findFirst().orElseThrow().semantic();
    }

    /** The result guard's injection mode of {@code team}, one of this principal's teams. */
    public GuardMode injectionOf(String team) {
        return teams.stream().filter(t -> t.team().equals(team)).findFirst().orElseThrow().injection();
    }

    private java.util.stream.Stream<Grant> grantsOf(RegisteredTool tool) {
        return teams.stream().map(t -> grant(t, tool)).flatMap(Optional::stream);
    }

    private static Optional<Grant> grant(TeamPolicy team, RegisteredTool tool) {
        Grant grant = team.grants().get(tool.toolsetId());
        return grant != null && grant.allowsTool(tool.spec().name(), tool.spec().access()) ? Optional.of(grant) : Optional.empty();
    }
}
