package dev.awsmcp.toolset.api;

import java.util.Objects;

/**
 * Where a toolset instance's resources live, for {@link ResourceKind#canonicalize}: an ARN naming another
 * region or account names nothing this instance may touch.
 *
 * @param region the instance's region, e.g. {@code us-east-1}; never null
 * @param accountId the configured 12-digit account, or null when none is configured (then ARNs are refused)
 */
public record ResourceScope(String region, String accountId) {

    public ResourceScope {
        Objects.requireNonNull(region, "region");
    }
}
