package dev.awsmcp.gateway.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.util.List;

/**
 * One IAM role that toolset instances assume, as {@code policy iam} emits it: who may assume it (the trust
 * policy) and what it may do (the union of the teams' grants of its toolsets).
 *
 * @param roleName the role's name (from the toolset's {@code roleArn}, or {@code mcp-gateway-<id>} without one)
 * @param path the role's IAM path, {@code /} unless the {@code roleArn} has one
 * @param toolsets the ids of the toolset instances that assume it, at least one
 * @param externalId the ExternalId the toolsets send, which the trust policy then requires; null for none
 * @param maxSessionDuration the role's maximum session in seconds: at least the longest {@code sessionDuration}
 * @param teams the teams whose grants make up the permission policy, in policy-set order
 * @param permissionPolicy the permission policy JSON, or null when no team grants any of the toolsets
 */
record ToolsetRole(String roleName, String path, List<String> toolsets, String externalId, int maxSessionDuration,
        List<String> teams, String permissionPolicy) {

    /**
     * The team the gateway's own health checks assume toolset roles for ({@code CallCredentials.forHealthCheck}),
     * which a session-tag condition must allow besides the granting teams.
     */
    static final String HEALTH_CHECK_TEAM = "gateway";

    ToolsetRole {
        toolsets = List.copyOf(toolsets);
        teams = List.copyOf(teams);
    }

    /**
     * The trust policy: {@code principal} (an ARN, or a CloudFormation reference to one) may assume the role
     * (with the ExternalId when there is one), and set the source identity and tag the session, as the gateway
     * does on every AssumeRole. With {@code teamTagCondition} the {@code team} session tag must name a granting
     * team or the health check's, and no tag keys but {@code team} and {@code principal} may be passed.
     */
    ObjectNode trustPolicy(JsonNode principal, boolean teamTagCondition) {
        ObjectNode document = Json.object().put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        ObjectNode assume = statement(statements, "GatewayAssumesRole", principal).put("Action", "sts:AssumeRole");
        if (externalId != null) {
            assume.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", externalId);
        }
        ObjectNode attribute = statement(statements, "GatewayNamesTheCaller", principal);
        attribute.putArray("Action").add("sts:SetSourceIdentity").add("sts:TagSession");
        if (teamTagCondition) {
            ObjectNode condition = attribute.putObject("Condition");
            ArrayNode allowedTeams = condition.putObject("StringEquals").putArray("aws:RequestTag/team");
            teams.forEach(allowedTeams::add);
            allowedTeams.add(HEALTH_CHECK_TEAM);
            condition.putObject("ForAllValues:StringEquals").putArray("aws:TagKeys").add("team").add("principal");
        }
        return document;
    }

    private static ObjectNode statement(ArrayNode statements, String sid, JsonNode principal) {
        ObjectNode statement = statements.addObject().put("Sid", sid).put("Effect", "Allow");
        statement.putObject("Principal").set("AWS", principal);
        return statement;
    }

    /** The role's ARN in {@code account} and {@code partition}. */
    String arn(String partition, String account) {
        return "arn:" + partition + ":iam::" + account + ":role" + path + roleName;
    }
}
