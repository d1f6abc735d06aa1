package dev.awsmcp.gateway.policy;

import java.util.Objects;

/**
 * A resource identifier after canonicalization: ARNs reduced to names in the toolset's own account
 * and region, S3 references split into bucket and key, Lambda qualifiers separated.
 *
 * @param kind one of the {@code ResourceRef} kinds
 * @param name table, log group, function or bucket name
 * @param detail S3 key or prefix, or Lambda qualifier; null when absent
 */
record CanonicalResource(String kind, String name, String detail) {
    CanonicalResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return detail == null ? kind + " " + name : kind + " " + name + (kind.startsWith("object") ? "/" : ":") + detail;
    }
}
