package dev.awsmcp.gateway.policy;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every team policy loaded from the policy directory, validated as a whole; immutable, swapped
 * atomically on reload.
 *
 * @param teams the compiled team policies
 * @param fingerprint a digest of the files' content, to tell reloads that changed nothing
 */
public record PolicySet(List<TeamPolicy> teams, String fingerprint) {

    public PolicySet {
        teams = List.copyOf(teams);
    }

    /** The policies that apply to {@code principal}: the union of its teams', deny by default. */
    public EffectivePolicy effective(Principal principal) {
        return new EffectivePolicy(principal, teams.stream().filter(t -> t.includes(principal)).toList());
    }

    /**
     * What each team's grant of toolset {@code instance} allows, as IAM policy JSON rendered exactly as the
     * grant's session policy is (whether or not the grant asks for one), by team in the set's order. Teams
     * without a grant of the instance are absent; a team whose patterns the toolset cannot express in IAM maps
     * to empty.
     */
    public Map<String, Optional<String>> grantPolicies(ToolsetInstance instance) {
        Map<String, Optional<String>> byTeam = new LinkedHashMap<>();
        for (TeamPolicy team : teams) {
            Grant grant = team.grants().get(instance.id());
            if (grant != null) {
                byTeam.put(team.team(), grant.iamPolicy(instance));
            }
        }
        return byTeam;
    }
}
