package dev.awsmcp.gateway.iam;

import java.util.regex.Pattern;

/**
 * How {@code policy iam} renders the roles.
 *
 * @param gatewayPrincipal the ARN of the identity the gateway runs as (its task role, instance profile role, IRSA
 *     role), which the trust policies name; null leaves it to a CloudFormation parameter without default
 * @param managedPolicy true: each role's permissions go into a customer managed policy (at most 6,144 characters);
 *     false: into an inline role policy (at most 10,240)
 * @param teamTagCondition whether the trust policies require the {@code team} session tag to name a granting team
 */
public record IamOptions(String gatewayPrincipal, boolean managedPolicy, boolean teamTagCondition) {

    private static final Pattern PRINCIPAL = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(root|(role|user)/[\\w+=,.@/-]{1,512})");

    public IamOptions {
        if (gatewayPrincipal != null && !PRINCIPAL.matcher(gatewayPrincipal).matches()) {
            throw new IllegalArgumentException("--gateway-principal: '" + gatewayPrincipal + "' is not an IAM role, user or account ARN,"
                    + " e.g. arn:aws:iam::123456789012:role/mcp-gateway-task");
        }
    }
}
