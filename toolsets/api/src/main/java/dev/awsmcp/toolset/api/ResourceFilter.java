package dev.awsmcp.toolset.api;

/**
 * Which resources the caller may see, for listing tools: a listing returns only the entries this filter
 * lets through (a table, bucket, log group or function outside the caller's policy is left out, as if
 * it did not exist). Pure and fast; never calls AWS.
 */
@FunctionalInterface
public interface ResourceFilter {

    /** Lets everything through; for callers without a policy (local stdio use) and tests. */
    ResourceFilter ALL = ref -> true;

    /** True when the caller may see {@code resource}. */
    boolean visible(ResourceRef resource);
}
