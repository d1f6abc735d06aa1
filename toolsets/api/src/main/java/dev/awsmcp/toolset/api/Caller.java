package dev.awsmcp.toolset.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who caused a call: the authenticated principal and the teams whose policies apply. Toolsets may
 * use it for attribution only, never for authorization (the gateway has already decided).
 *
 * @param principal stable identifier of the person or agent (API key id, JWT subject); never blank
 * @param teams the teams the principal acts for; may be empty, never null
 */
public record Caller(String principal, Set<String> teams) {
    public Caller {
        Objects.requireNonNull(principal, "principal");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("principal must not be blank");
        }
        teams = Set.copyOf(teams);
    }
}
