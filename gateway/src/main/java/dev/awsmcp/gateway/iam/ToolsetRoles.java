package dev.awsmcp.gateway.iam;

import dev.awsmcp.gateway.identity.RoleConfig;
import dev.awsmcp.gateway.policy.PolicySet;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The IAM roles the configured toolsets assume, planned from the configuration and the team policies: one role
 * per distinct {@code roleArn} (toolsets without one get {@code mcp-gateway-<id>}, with a note), whose
 * permission policy is the union of every team's grant of its toolsets as each grant's session policy renders
 * it. Problems (grants IAM cannot express, toolsets sharing a role with different ExternalIds) are collected,
 * each naming the role, the toolset and the fix.
 */
public final class ToolsetRoles {

    private static final int DEFAULT_MAX_SESSION = 3600;

    /**
     * @param roles the roles, in configuration order
     * @param problems what makes the plan unusable; empty when it is usable
     * @param notes what the operator should know (toolsets without a role ARN, roles no team grants)
     */
    public record Plan(List<ToolsetRole> roles, List<String> problems, List<String> notes) {
        public Plan {
            roles = List.copyOf(roles);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    private ToolsetRoles() {
    }

    /** Plans the roles of {@code registry}'s toolsets from {@code policies}. */
    public static Plan plan(ToolsetRegistry registry, PolicySet policies) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<ToolsetInstance>> byRole = new LinkedHashMap<>();
        for (ToolsetInstance instance : registry.instances()) {
            if (instance.role() == null) {
                notes.add("toolset " + instance.id() + " has no roleArn, so the gateway calls it with its own credentials; to use the role"
                        + " emitted here, set its roleArn to arn:<partition>:iam::<account>:role/" + defaultRoleName(instance));
            }
            byRole.computeIfAbsent(roleArnPath(instance), k -> new ArrayList<>()).add(instance);
        }
        List<ToolsetRole> roles = new ArrayList<>();
        byRole.forEach((rolePath, instances) -> roles.add(role(rolePath, instances, policies, problems, notes)));
        return new Plan(roles, problems, notes);
    }

    private static ToolsetRole role(String rolePath, List<ToolsetInstance> instances, PolicySet policies, List<String> problems,
            List<String> notes) {
        int slash = rolePath.lastIndexOf('/');
        String name = rolePath.substring(slash + 1);
        List<String> ids = instances.stream().map(ToolsetInstance::id).toList();
        List<String> externalIds = instances.stream().map(ToolsetRoles::externalId).distinct().toList();
        if (externalIds.size() > 1) {
            problems.add("role " + name + ": toolsets " + ids + " assume it with different externalIds; give them the same externalId"
                    + " or a role each");
        }
        List<String> teams = new ArrayList<>();
        PermissionPolicyUnion union = new PermissionPolicyUnion();
        for (ToolsetInstance instance : instances) {
            policies.grantPolicies(instance).forEach((team, policy) -> add(union, name, instance, team, policy, problems, teams));
        }
        Optional<String> permissions = union.toJson();
        if (permissions.isEmpty()) {
            notes.add("role " + name + ": no team grants toolset(s) " + ids + ", so the role may do nothing and their health checks fail");
        }
        int maxSession = instances.stream().map(ToolsetInstance::role).filter(Objects::nonNull)
                .mapToInt(r -> (int) r.sessionDuration().toSeconds()).max().orElse(DEFAULT_MAX_SESSION);
        return new ToolsetRole(name, rolePath.substring(0, slash + 1), ids, externalIds.get(0), Math.max(maxSession, DEFAULT_MAX_SESSION),
                teams, permissions.orElse(null));
    }

    private static void add(PermissionPolicyUnion union, String role, ToolsetInstance instance, String team, Optional<String> policy,
            List<String> problems, List<String> teams) {
        if (policy.isEmpty()) {
            problems.add("role " + role + ": toolset " + instance.id() + " (type " + instance.config().type() + ") cannot express team "
                    + team + "'s resource patterns in IAM; change the patterns in that team's policy file");
            return;
        }
        try {
            union.add(policy.get());
        } catch (IllegalArgumentException e) {
            problems.add("role " + role + ": team " + team + "'s grant of toolset " + instance.id() + ": " + e.getMessage());
            return;
        }
        if (!teams.contains(team)) {
            teams.add(team);
        }
    }

    /** The role's path and name, {@code /path/name}: from the roleArn, or the default name. */
    private static String roleArnPath(ToolsetInstance instance) {
        RoleConfig role = instance.role();
        if (role == null) {
            return "/" + defaultRoleName(instance);
        }
        return role.roleArn().substring(role.roleArn().indexOf(":role/") + ":role".length());
    }

    private static String defaultRoleName(ToolsetInstance instance) {
        return "mcp-gateway-" + instance.id();
    }

    private static String externalId(ToolsetInstance instance) {
        return instance.role() == null ? null : instance.role().externalId();
    }
}
