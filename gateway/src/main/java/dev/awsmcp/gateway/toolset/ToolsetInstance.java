package dev.awsmcp.gateway.toolset;

import dev.awsmcp.gateway.identity.RoleConfig;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.Objects;
import java.util.Set;

/**
 * One configured toolset instance as the gateway sees it.
 *
 * @param config what the toolset was created with (id, type, region, endpoint, options)
 * @param accountId the AWS account the instance serves, when configured; ARNs naming other accounts are refused
 * @param access the access classes whose tools the instance exposes
 * @param role the IAM role its calls run under, assumed per (team, principal); null: the gateway's own credentials
 * @param toolset the instance
 */
public record ToolsetInstance(ToolsetConfig config, String accountId, Set<Access> access, RoleConfig role, Toolset toolset) {
    public ToolsetInstance {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(toolset, "toolset");
        access = Set.copyOf(access);
    }

    public String id() {
        return config.id();
    }
}
