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

    /** The account and region ARNs must name to be canonicalized by this instance's resource kinds. */
    public dev.awsmcp.toolset.api.ResourceScope scope() {
        return new dev.awsmcp.toolset.api.ResourceScope(config.region().id(), accountId);
    }

    /** The resource kind named {@code name} that this instance declares, if any. */
    public java.util.Optional<dev.awsmcp.toolset.api.ResourceKind> kind(String name) {
        return toolset.resourceKinds().stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
