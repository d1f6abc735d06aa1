package dev.awsmcp.gateway.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import java.util.List;

/**
 * What {@code policy explain} answers for one principal, tool and (optionally) arguments: the decision and the rule
 * behind it, under a given policy set. The command line and the audit console both ask here.
 *
 * @param verdict {@code ALLOW} or {@code DENY}; {@code VISIBLE} when the tool is granted and no arguments were given
 * @param principal the principal's id
 * @param teams the principal's teams under the set, sorted
 * @param team the team whose grant allowed the call; null unless {@code ALLOW}
 * @param detail the rule ({@code file:line: ...}) when allowed, or why it is denied
 */
public record PolicyExplanation(Verdict verdict, String principal, List<String> teams, String team, String detail) {

    /** The decision of an explanation. */
    public enum Verdict { ALLOW, DENY, VISIBLE }

    public PolicyExplanation {
        teams = List.copyOf(teams);
    }

    /**
     * Explains a call of {@code tool} by {@code who} under {@code set}.
     *
     * @param tool the registered tool, or null when no tool of the name asked about is configured
     * @param arguments the call's arguments, or null to decide on the tool alone
     */
    public static PolicyExplanation explain(PolicySet set, Principal who, RegisteredTool tool, JsonNode arguments) {
        EffectivePolicy policy = set.effective(who);
        List<String> teams = policy.teams().stream().sorted().toList();
        if (tool == null || !policy.toolVisible(tool)) {
            return new PolicyExplanation(Verdict.DENY, who.id(), teams, null,
                    tool == null ? "no such tool is configured" : "no team of the principal grants it");
        }
        if (arguments == null) {
            return new PolicyExplanation(Verdict.VISIBLE, who.id(), teams, null, "the tool is granted; give arguments to decide on the resources they name");
        }
        try {
            Decision decision = policy.authorize(tool, tool.spec().resources().apply(arguments));
            if (decision instanceof Decision.Allowed allowed) {
                return new PolicyExplanation(Verdict.ALLOW, who.id(), teams, allowed.team(), allowed.rule());
            }
            return new PolicyExplanation(Verdict.DENY, who.id(), teams, null, ((Decision.Denied) decision).reason());
        } catch (IllegalArgumentException e) {
            return new PolicyExplanation(Verdict.DENY, who.id(), teams, null, "invalid arguments: " + e.getMessage());
        }
    }

    /**
     * The principal {@code policy explain} means by {@code id}: {@code apikey:<key id>} for an API key, else a JWT
     * subject with {@code groups}.
     */
    public static Principal principal(String id, java.util.Collection<String> groups) {
        return id.startsWith(Principal.API_KEY_PREFIX) ? Principal.apiKey(id.substring(Principal.API_KEY_PREFIX.length()))
                : new Principal(id, Principal.Method.JWT, java.util.Set.copyOf(groups), null);
    }
}
