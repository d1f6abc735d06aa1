package dev.awsmcp.toolset.api;

import java.util.Objects;

/**
 * A resource identifier after its {@link ResourceKind} canonicalized it: a name in the toolset's own
 * account and region, and an optional detail (an S3 key or prefix, a Lambda qualifier).
 *
 * @param kind the kind's name
 * @param name the resource's canonical name (table, log group, function or bucket name); never null
 * @param detail the part below the name, or null when absent
 * @param separator what joins name and detail when written out ({@code /} for a path, {@code :} for a qualifier)
 */
public record CanonicalResource(String kind, String name, String detail, String separator) {

    public CanonicalResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(separator, "separator");
    }

    /** A resource known by its name alone. */
    public CanonicalResource(String kind, String name) {
        this(kind, name, null, "");
    }

    /** The name, with the detail after the separator when there is one: what a pattern is matched against. */
    public String path() {
        return detail == null ? name : name + separator + detail;
    }

    @Override
    public String toString() {
        return kind + " " + path();
    }
}
