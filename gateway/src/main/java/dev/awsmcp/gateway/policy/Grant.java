package dev.awsmcp.gateway.policy;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CanonicalResource;
import dev.awsmcp.toolset.api.NamePattern;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one team may use of one toolset, compiled: tool globs, access classes, resource patterns. How a
 * pattern covers a resource is the resource kind's business (declared by the toolset); a grant never reads
 * a resource itself.
 *
 * @param toolsetId the configured toolset id
 * @param tools globs over the toolset's short tool names
 * @param access access classes granted
 * @param resources resource patterns, as the toolset's kinds read them
 * @param sessionPolicy the IAM session policy generated from this grant at load time, or null when the
 *     grant does not ask for one
 * @param source where it was written, {@code file:line}, for explanations
 */
record Grant(String toolsetId, List<NamePattern> tools, Set<Access> access, List<NamePattern> resources, String sessionPolicy,
        String source) {

    Grant {
        tools = List.copyOf(tools);
        access = Set.copyOf(access);
        resources = List.copyOf(resources);
    }

    boolean allowsTool(String tool, Access toolAccess) {
        return access.contains(toolAccess) && tools.stream().anyMatch(g -> g.matches(tool));
    }

    /** True when some pattern of this grant covers {@code resource}, a canonical resource of {@code kind}. */
    boolean covers(ResourceKind kind, CanonicalResource resource) {
        return resources.stream().anyMatch(pattern -> kind.covers(pattern, resource));
    }

    /**
     * What this grant allows of {@code instance} as an IAM policy, rendered by the instance's toolset
     * ({@code Toolset.sessionPolicy}); see {@link #iamPolicy(ToolsetInstance, Set, List)}.
     */
    Optional<String> iamPolicy(ToolsetInstance instance) {
        return iamPolicy(instance, access, resources);
    }

    /**
     * The one rendering of a grant as IAM policy JSON, behind both the session policies of calls and the
     * permission policies of {@code policy iam}: the toolset renders the granted access classes the instance
     * exposes on the granted patterns, in the instance's account (without {@code accountId}, the role's own
     * account, where calls by name land). Empty when the toolset cannot express the patterns in IAM.
     */
    static Optional<String> iamPolicy(ToolsetInstance instance, Set<Access> access, List<NamePattern> resources) {
        Set<Access> exposed = EnumSet.noneOf(Access.class);
        exposed.addAll(access);
        exposed.retainAll(instance.access());
        String account = instance.accountId() != null || instance.role() == null ? instance.accountId()
                : instance.role().roleArn().split(":")[4];
        return instance.toolset().sessionPolicy(new SessionPolicyRequest(exposed,
                resources.stream().map(NamePattern::pattern).toList(), instance.config().region(), account));
    }

    /** A one-line description for explanations and audit. */
    String describe() {
        return source + ": tools " + tools + ", access " + access.stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList()
                + ", resources " + resources;
    }
}
