package dev.awsmcp.gateway.config;

import java.time.Duration;

/**
 * Where team policy files live and whether changes are picked up while running.
 *
 * @param dir the directory of {@code *.yaml} team policies; required to exist (deny by default)
 * @param watch re-read the directory every {@code pollInterval} and swap valid changes in
 * @param pollInterval how often to look for changes, e.g. {@code 2s}
 */
public record PoliciesConfig(String dir, Boolean watch, Duration pollInterval) {
    public PoliciesConfig {
        dir = dir == null || dir.isBlank() ? "policies" : dir;
        watch = watch == null ? Boolean.TRUE : watch;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    }

    static PoliciesConfig defaults() {
        return new PoliciesConfig(null, null, null);
    }
}
