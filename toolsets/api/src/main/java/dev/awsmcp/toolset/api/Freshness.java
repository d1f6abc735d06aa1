package dev.awsmcp.toolset.api;

/**
 * How long the gateway may serve a {@link Access#READ} tool's result from its cache, unless the operator
 * configures otherwise; tools of other access classes are never cached.
 */
public enum Freshness {
    /** Never cached: the answer moves from one call to the next (a running query's status). */
    NEVER,
    /** Data that changes while an incident unfolds (items, objects, log events): seconds. */
    DATA,
    /** Metadata (listings, descriptions, configurations): minutes. */
    METADATA
}
