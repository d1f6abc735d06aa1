package dev.awsmcp.gateway.config;

import java.util.List;

/**
 * The audit console on the admin listener ({@code /console}): read-only pages over the audit file sink,
 * the live state and {@code policy explain}.
 *
 * @param enabled whether the console is served (default true)
 * @param admins who may open it when {@code admin.host} is not loopback: each entry names a JWT group, an API key id
 *     or a principal id, as policy members do; they authenticate as they do on the MCP endpoint. Empty (the
 *     default) refuses the console on a non-loopback bind; ignored on loopback, where the console needs no login
 */
public record ConsoleConfig(Boolean enabled, List<Admin> admins) {

    public ConsoleConfig {
        enabled = enabled == null || enabled;
        admins = admins == null ? List.of() : List.copyOf(admins);
        for (int i = 0; i < admins.size(); i++) {
            Admin admin = admins.get(i);
            int given = (admin.group() == null ? 0 : 1) + (admin.apiKey() == null ? 0 : 1) + (admin.principal() == null ? 0 : 1);
            if (given != 1) {
                throw new ConfigException("admin.console.admins[" + i + "]: give exactly one of group, apiKey, principal, "
                        + "e.g. { group: security-reviewers }");
            }
        }
    }

    static ConsoleConfig defaults() {
        return new ConsoleConfig(null, null);
    }

    /**
     * One rule of who is a console admin; exactly one field is set.
     *
     * @param group a JWT group (from {@code auth.jwt.groupsClaim})
     * @param apiKey an API key id of the key file
     * @param principal a principal id (a JWT subject)
     */
    public record Admin(String group, String apiKey, String principal) {
    }
}
