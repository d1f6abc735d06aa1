package dev.awsmcp.gateway.policy;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.SemanticMode;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One team's compiled policy.
 *
 * @param team the team name
 * @param file the file it came from
 * @param members membership rules
 * @param grants per toolset id
 * @param limits the team's bounds
 * @param injection what the result guard does with suspected prompt injection in the team's results
 * @param semantic whether the semantic detector reads the team's results, and what it does with what it finds
 * @param confirm access classes whose calls a person must confirm first
 * @param taint what write and invoke calls do in a tainted session
 */
public record TeamPolicy(String team, String file, List<PolicyFile.Member> members, Map<String, Grant> grants, TeamLimits limits,
        GuardMode injection, SemanticMode semantic, Set<Access> confirm, dev.awsmcp.gateway.taint.TaintRules taint) {

    public TeamPolicy {
        members = List.copyOf(members);
        grants = Map.copyOf(grants);
        taint = taint == null ? dev.awsmcp.gateway.taint.TaintRules.DEFAULT : taint;
        semantic = semantic == null ? SemanticMode.OFF : semantic;
        confirm = confirm == null || confirm.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(confirm));
    }

    boolean includes(Principal principal) {
        for (PolicyFile.Member m : members) {
            if (m.group() != null && principal.groups().contains(m.group())
                    || m.apiKey() != null && m.apiKey().equals(principal.apiKeyId())
                    || m.principal() != null && m.principal().equals(principal.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A team's bounds, already capped by the gateway's.
     *
     * @param maxResultBytes byte budget of one result
     * @param maxRows rows per call at most
     * @param callsPerMinute calls per minute for the team, or 0 for no team limit
     */
    public record TeamLimits(int maxResultBytes, int maxRows, int callsPerMinute) {
    }
}
