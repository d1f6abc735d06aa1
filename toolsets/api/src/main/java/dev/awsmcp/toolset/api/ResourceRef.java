package dev.awsmcp.toolset.api;

import java.util.Objects;

/**
 * One AWS resource a tool call touches, named before AWS is called so the gateway can authorize it. Its
 * kind is one of the {@link ResourceKind}s the toolset declares, which canonicalizes the name.
 *
 * <p>A toolset emits one ref for every identifier the arguments carry, empty or blank ones included: the
 * gateway refuses an identifier it cannot canonicalize, so skipping one would send it to AWS unchecked.
 *
 * @param kind the name of one of the toolset's {@link ResourceKind}s; never blank
 * @param name the identifier exactly as the caller gave it (possibly blank); canonicalization is the
 *     gateway's job; never null
 * @param named true when the caller wrote this identifier in the call's arguments; false when the
 *     toolset derived it (e.g. the log groups behind a query id), and then a refusal must not reveal it
 */
public record ResourceRef(String kind, String name, boolean named) {

    public ResourceRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("resource kind must not be blank");
        }
    }

    /** A resource the caller named in the call's arguments. */
    public ResourceRef(String kind, String name) {
        this(kind, name, true);
    }

    /** A resource the toolset derived from the arguments (not written in them); refusals do not name it. */
    public static ResourceRef derived(String kind, String name) {
        return new ResourceRef(kind, name, false);
    }
}
