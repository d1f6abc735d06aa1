package dev.awsmcp.gateway.policy;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.ResourceRef;
import java.util.List;
import java.util.Set;

/**
 * What one team may use of one toolset, compiled: tool globs, access classes, resource patterns.
 *
 * @param toolsetId the configured toolset id
 * @param tools globs over the toolset's short tool names
 * @param access access classes granted
 * @param resources resource patterns; for S3 {@code bucket} or {@code bucket/keyglob}
 * @param sessionPolicy the IAM session policy generated from this grant at load time, or null when the
 *     grant does not ask for one
 * @param source where it was written, {@code file:line}, for explanations
 */
record Grant(String toolsetId, List<Glob> tools, Set<Access> access, List<Glob> resources, String sessionPolicy, String source) {

    Grant {
        tools = List.copyOf(tools);
        access = Set.copyOf(access);
        resources = List.copyOf(resources);
    }

    boolean allowsTool(String tool, Access toolAccess) {
        return access.contains(toolAccess) && tools.stream().anyMatch(g -> g.matches(tool));
    }

    /** True when some pattern of this grant covers {@code resource}; unknown kinds are never covered. */
    boolean covers(CanonicalResource resource) {
        return resources.stream().anyMatch(pattern -> covers(pattern, resource));
    }

    private static boolean covers(Glob pattern, CanonicalResource r) {
        return switch (r.kind()) {
            case ResourceRef.TABLE, ResourceRef.LOG_GROUP -> pattern.matches(r.name());
            case ResourceRef.FUNCTION -> pattern.pattern().contains(":")
                    ? r.detail() != null && pattern.matches(r.name() + ":" + r.detail())
                    : pattern.matches(r.name());
            case ResourceRef.BUCKET -> bucketPart(pattern).matches(r.name());
            case ResourceRef.OBJECT -> bucketPart(pattern).matches(r.name())
                    && (keyPart(pattern) == null || keyPart(pattern).matches(r.detail()));
            case ResourceRef.OBJECT_PREFIX -> bucketPart(pattern).matches(r.name())
                    && (keyPart(pattern) == null || keyPart(pattern).coversPrefix(r.detail()));
            default -> false;
        };
    }

    private static Glob bucketPart(Glob pattern) {
        int slash = pattern.pattern().indexOf('/');
        return slash < 0 ? pattern : new Glob(pattern.pattern().substring(0, slash));
    }

    private static Glob keyPart(Glob pattern) {
        int slash = pattern.pattern().indexOf('/');
        return slash < 0 || slash == pattern.pattern().length() - 1 ? null : new Glob(pattern.pattern().substring(slash + 1));
    }

    /** A one-line description for explanations and audit. */
    String describe() {
        return source + ": tools " + tools + ", access " + access.stream().map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList()
                + ", resources " + resources;
    }
}
