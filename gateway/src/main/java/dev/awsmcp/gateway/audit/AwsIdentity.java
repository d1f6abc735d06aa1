package dev.awsmcp.gateway.audit;

/**
 * The AWS identity a call ran under, for the audit record and the join with CloudTrail.
 *
 * @param roleArn the role assumed for (toolset, team); null when the default credential chain was used
 * @param sessionName the STS role session name ({@code <team>.<principal>}); null without a role
 * @param sourceIdentity the STS source identity (the principal); null without a role
 */
public record AwsIdentity(String roleArn, String sessionName, String sourceIdentity) {

    /** The gateway's own credentials (default chain): no role, nothing to attribute through STS. */
    public static final AwsIdentity DEFAULT_CHAIN = new AwsIdentity(null, null, null);
}
