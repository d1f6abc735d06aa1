package dev.awsmcp.gateway.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The roles of a {@link ToolsetRoles.Plan} as {@code policy iam} writes them: a JSON document of each role's
 * trust and permission policies (for review, or for tools other than CloudFormation), or a CloudFormation
 * template that creates the roles, takes the gateway's principal as parameter {@value #PRINCIPAL_PARAMETER}
 * and outputs each toolset's role ARN as {@code <ToolsetId>RoleArn}.
 */
public final class IamTemplates {

    /** The CloudFormation parameter naming the gateway's principal. */
    public static final String PRINCIPAL_PARAMETER = "GatewayPrincipalArn";
    private static final String POLICY_NAME = "mcp-gateway-grants";

    private final List<ToolsetRole> roles;
    private final IamOptions options;

    /**
     * @throws IamException listing every IAM quota a role's documents exceed
     */
    public IamTemplates(ToolsetRoles.Plan plan, IamOptions options) {
        this.roles = plan.roles();
        this.options = options;
        String principal = options.gatewayPrincipal() == null ? IamLimits.LONGEST_EXPECTED_PRINCIPAL : options.gatewayPrincipal();
        List<String> problems = new ArrayList<>();
        for (ToolsetRole role : roles) {
            problems.addAll(IamLimits.check(role, json(role.trustPolicy(text(principal), options.teamTagCondition())), options));
        }
        if (!problems.isEmpty()) {
            throw new IamException(problems);
        }
    }

    /** Each role with its trust policy naming the gateway's principal, its permission policy and their IAM sizes. */
    public ObjectNode json() {
        if (options.gatewayPrincipal() == null) {
            throw new IllegalStateException("the JSON documents need the gateway's principal");
        }
        ObjectNode out = Json.object().put("gatewayPrincipal", options.gatewayPrincipal());
        for (ToolsetRole role : roles) {
            ObjectNode entry = out.withArray("roles").addObject().put("roleName", role.roleName()).put("path", role.path())
                    .put("maxSessionDuration", role.maxSessionDuration());
            role.toolsets().forEach(entry.putArray("toolsets")::add);
            role.teams().forEach(entry.putArray("teams")::add);
            ObjectNode trust = role.trustPolicy(text(options.gatewayPrincipal()), options.teamTagCondition());
            entry.set("trustPolicy", trust);
            entry.set("permissionPolicy", role.permissionPolicy() == null ? null : tree(role.permissionPolicy()));
            ObjectNode sizes = entry.putObject("sizes").put("trustPolicy", IamLimits.size(json(trust)));
            if (role.permissionPolicy() != null) {
                sizes.put(options.managedPolicy() ? "managedPolicy" : "inlinePolicy", IamLimits.size(role.permissionPolicy()));
            }
        }
        return out;
    }

    /** A CloudFormation template (JSON) creating every role; {@code description} says where it came from. */
    public ObjectNode cloudFormation(String description) {
        ObjectNode template = Json.object().put("AWSTemplateFormatVersion", "2010-09-09").put("Description", description);
        ObjectNode principal = template.putObject("Parameters").putObject(PRINCIPAL_PARAMETER).put("Type", "String")
                .put("Description", "ARN of the identity the gateway runs as (task role, instance profile role, IRSA role),"
                        + " which may assume the toolset roles")
                .put("AllowedPattern", "arn:aws[a-z-]*:iam::\\d{12}:(root|(role|user)/.+)");
        if (options.gatewayPrincipal() != null) {
            principal.put("Default", options.gatewayPrincipal());
        }
        ObjectNode resources = template.putObject("Resources");
        ObjectNode outputs = template.putObject("Outputs");
        Set<String> taken = new HashSet<>();
        for (ToolsetRole role : roles) {
            String logicalId = unique(camel(role.roleName()) + "Role", taken);
            resources.set(logicalId, roleResource(role));
            if (role.permissionPolicy() != null && options.managedPolicy()) {
                ObjectNode policy = resources.putObject(unique(camel(role.roleName()) + "Grants", taken))
                        .put("Type", "AWS::IAM::ManagedPolicy");
                ObjectNode properties = policy.putObject("Properties").put("ManagedPolicyName", role.roleName() + "-grants")
                        .put("Description", "What the teams' grants of " + String.join(", ", role.toolsets()) + " allow");
                properties.set("PolicyDocument", tree(role.permissionPolicy()));
                properties.putArray("Roles").addObject().put("Ref", logicalId);
            }
            for (String toolset : role.toolsets()) {
                ObjectNode output = outputs.putObject(camel(toolset) + "RoleArn")
                        .put("Description", "roleArn of toolset " + toolset + " in the gateway configuration");
                output.putObject("Value").putArray("Fn::GetAtt").add(logicalId).add("Arn");
            }
        }
        return template;
    }

    private ObjectNode roleResource(ToolsetRole role) {
        ObjectNode resource = Json.object().put("Type", "AWS::IAM::Role");
        ObjectNode properties = resource.putObject("Properties").put("RoleName", role.roleName()).put("Path", role.path())
                .put("Description", "Assumed by the MCP gateway for toolset(s) " + String.join(", ", role.toolsets())
                        + " per team and caller; generated by policy iam")
                .put("MaxSessionDuration", role.maxSessionDuration());
        properties.set("AssumeRolePolicyDocument", role.trustPolicy(Json.object().put("Ref", PRINCIPAL_PARAMETER),
                options.teamTagCondition()));
        if (role.permissionPolicy() != null && !options.managedPolicy()) {
            ObjectNode inline = properties.putArray("Policies").addObject().put("PolicyName", POLICY_NAME);
            inline.set("PolicyDocument", tree(role.permissionPolicy()));
        }
        properties.putArray("Tags").addObject().put("Key", "mcp-gateway:toolsets").put("Value", String.join(" ", role.toolsets()));
        return resource;
    }

    /** {@code mcp-ddb-readonly} to {@code McpDdbReadonly}: a CloudFormation logical id part. */
    static String camel(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static String unique(String logicalId, Set<String> taken) {
        String candidate = logicalId;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = logicalId + i;
        }
        return candidate;
    }

    private static JsonNode text(String value) {
        return Json.mapper().getNodeFactory().textNode(value);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
