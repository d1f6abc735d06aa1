package dev.awsmcp.toolset.api;

/**
 * A kind of resource a toolset's tools touch (a DynamoDB table, an S3 object, a log group): how the
 * gateway turns an identifier a caller wrote into its canonical form, and whether a policy pattern covers
 * it. Declared by the toolset ({@link Toolset#resourceKinds()}); the gateway knows no kind of its own and
 * passes canonical resources around without reading them. Implementations are pure, fast and thread-safe.
 */
public interface ResourceKind {

    /** The name {@link ResourceRef}s of this kind carry, e.g. {@code table}; {@code [a-z][a-z0-9-]*}, unique per toolset. */
    String name();

    /**
     * The canonical form of {@code raw} (the identifier exactly as the caller wrote it; never blank: the
     * gateway refuses blank identifiers first): ARNs reduced to names in {@code scope}'s account and region,
     * service character rules checked, paths split.
     *
     * @throws IllegalArgumentException with a message for the model when {@code raw} names no resource
     *     this toolset may touch; an identifier that cannot be canonicalized is never authorized
     */
    CanonicalResource canonicalize(String raw, ResourceScope scope);

    /** True when the policy {@code pattern} covers {@code resource}, a canonical resource of this kind. */
    boolean covers(NamePattern pattern, CanonicalResource resource);
}
