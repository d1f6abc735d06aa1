package dev.awsmcp.gateway.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * IAM's size quotas on the documents {@code policy iam} emits (IAM and AWS STS quotas; IAM counts characters
 * without whitespace), checked before anything is written so that a deployment does not fail half-way.
 */
final class IamLimits {

    /** A customer managed policy. */
    static final int MANAGED_POLICY = 6_144;
    /** All inline policies of one role together. */
    static final int INLINE_ROLE_POLICIES = 10_240;
    /** A role's trust policy, by default (a quota increase raises it to 4,096). */
    static final int TRUST_POLICY = 2_048;
    /** The principal length assumed when the principal is a CloudFormation parameter without value yet. */
    static final String LONGEST_EXPECTED_PRINCIPAL = "arn:aws-us-gov:iam::123456789012:role/" + "x".repeat(90);

    private IamLimits() {
    }

    /** The size IAM counts: characters other than whitespace. */
    static int size(String json) {
        return (int) json.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** Every quota {@code role}'s documents exceed, each naming the role, the size, the limit and the fix. */
    static List<String> check(ToolsetRole role, String trustPolicy, IamOptions options) {
        List<String> problems = new ArrayList<>();
        int trust = size(trustPolicy);
        if (trust > TRUST_POLICY) {
            problems.add(String.format("role %s: the trust policy is %,d characters; IAM allows %,d by default: shorten the externalId%s,"
                    + " or raise the account's \"Role trust policy length\" quota (up to 4,096)", role.roleName(), trust, TRUST_POLICY,
                    options.teamTagCondition() ? " or leave out --team-tag-condition" : ""));
        }
        if (role.permissionPolicy() != null) {
            int permissions = size(role.permissionPolicy());
            int limit = options.managedPolicy() ? MANAGED_POLICY : INLINE_ROLE_POLICIES;
            if (permissions > limit) {
                problems.add(String.format("role %s (toolsets %s): the permission policy is %,d characters; IAM allows %,d for %s:"
                        + " use fewer or broader resource patterns in the grants of teams %s, %sor split the teams over two toolset"
                        + " instances with a role each", role.roleName(), String.join(", ", role.toolsets()), permissions, limit,
                        options.managedPolicy() ? "a managed policy" : "a role's inline policies", role.teams(),
                        options.managedPolicy() ? "use an inline policy (drop --managed-policy, up to 10,240), " : ""));
            }
        }
        return problems;
    }
}
