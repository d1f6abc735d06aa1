package dev.awsmcp.gateway.config;

import java.util.List;

/**
 * Who the single client of {@code serve --stdio} is: the process owner, named here since stdio carries
 * no credentials.
 *
 * @param principal the principal id, e.g. {@code alice}
 * @param groups groups the principal belongs to, as a JWT groups claim would list them; may be empty
 */
public record StdioAuthConfig(String principal, List<String> groups) {
    public StdioAuthConfig {
        if (principal == null || !principal.matches("[A-Za-z0-9._@:-]+")) {
            throw new ConfigException("auth.stdio.principal: required; a name of letters, digits and . _ @ : -, e.g. alice");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) == null || groups.get(i).isBlank()) {
                throw new ConfigException("auth.stdio.groups[" + i + "]: must not be blank");
            }
        }
    }
}
