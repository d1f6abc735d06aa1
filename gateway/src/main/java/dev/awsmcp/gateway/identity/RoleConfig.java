package dev.awsmcp.gateway.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * The IAM role a toolset instance calls AWS with.
 *
 * @param roleArn the role to assume per (team, principal)
 * @param externalId the external id the role's trust policy requires, or null
 * @param sessionDuration how long assumed credentials live (15 minutes to 12 hours)
 */
public record RoleConfig(String roleArn, String externalId, Duration sessionDuration) {
    public RoleConfig {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionDuration, "sessionDuration");
    }
}
