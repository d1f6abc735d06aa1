package dev.awsmcp.toolset.api;

import java.util.Objects;

/**
 * One AWS resource a tool call touches, named before AWS is called so the gateway can authorize it.
 *
 * @param kind the resource kind as the toolset names it, for example {@code table}, {@code bucket},
 *     {@code object}, {@code log-group} or {@code function}; never blank
 * @param name the identifier exactly as the caller gave it (name, ARN or {@code bucket/key});
 *     canonicalization is the gateway's job; never blank
 */
public record ResourceRef(String kind, String name) {
    public ResourceRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("resource kind and name must not be blank");
        }
    }
}
