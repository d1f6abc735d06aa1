package dev.awsmcp.gateway.policy;

import dev.awsmcp.gateway.auth.Principal;
import java.util.List;

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
}
