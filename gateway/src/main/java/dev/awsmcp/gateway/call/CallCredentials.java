package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.AwsIdentity;
import dev.awsmcp.gateway.identity.AssumedRoles;
import dev.awsmcp.gateway.identity.AssumedRoles.RoleSession;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The credentials one call runs with: when the toolset names a role, that role assumed for (team,
 * principal), with the team's session policy when its grant asks for one; else the gateway's own
 * credentials (the SDK's default chain).
 */
public final class CallCredentials {

    private final AwsCredentialsProvider base;
    private final AssumedRoles roles;

    public CallCredentials(AwsCredentialsProvider base, AssumedRoles roles) {
        this.base = base;
        this.roles = roles;
    }

    /**
     * Resolves the identity of one call; {@code sessionPolicy} is the deciding team's session policy for
     * the toolset, or null. Fails with {@code RoleAssumptionException} when STS refuses.
     */
    CompletableFuture<CallIdentity> resolve(ToolsetInstance instance, String team, String principal, String sessionPolicy) {
        if (instance.role() == null) {
            return CompletableFuture.completedFuture(new CallIdentity(base, null));
        }
        return roles.session(instance.role(), team, principal, sessionPolicy)
                .thenApply(session -> new CallIdentity(session.credentials(), session));
    }

    /**
     * The credentials a toolset's health check runs with: its role assumed for team {@code gateway} and
     * principal {@code health-check} (session {@code gateway.health-check}), else the gateway's own.
     */
    public CompletableFuture<AwsCredentialsProvider> forHealthCheck(ToolsetInstance instance) {
        return resolve(instance, "gateway", "health-check", null).thenApply(CallIdentity::credentials);
    }

    /**
     * Who a call acts as toward AWS.
     *
     * @param credentials what signs its requests
     * @param session the assumed-role session, or null for the gateway's own credentials
     */
    record CallIdentity(AwsCredentialsProvider credentials, RoleSession session) {

        /** The identity as the audit record shows it. */
        AwsIdentity audited() {
            return session == null ? AwsIdentity.DEFAULT_CHAIN
                    : new AwsIdentity(session.roleArn(), session.sessionName(), session.sourceIdentity());
        }
    }
}
