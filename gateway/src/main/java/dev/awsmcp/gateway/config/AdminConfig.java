package dev.awsmcp.gateway.config;

import java.time.Duration;

/**
 * The admin listener: health checks and Prometheus metrics on a port of their own, apart from the MCP
 * endpoint, so that they can stay on a private interface while the MCP port faces clients.
 *
 * @param enabled whether the admin listener runs (default true)
 * @param host interface to bind; loopback by default (health and metrics have no authentication; the console
 *     needs none on loopback and the gateway's own elsewhere)
 * @param port TCP port (default 9464); 0 picks a free one (tests)
 * @param toolsetCheckTtl how long a toolset's health check result is reused (default 15s), so that
 *     health probes never pile up on AWS
 * @param toolsetCheckTimeout how long a toolset's health check may take before it counts as failed (default 5s)
 * @param console the audit console served under {@code /console}
 */
public record AdminConfig(Boolean enabled, String host, Integer port, Duration toolsetCheckTtl, Duration toolsetCheckTimeout,
        ConsoleConfig console) {
    public AdminConfig {
        enabled = enabled == null || enabled;
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? 9464 : port;
        toolsetCheckTtl = toolsetCheckTtl == null ? Duration.ofSeconds(15) : toolsetCheckTtl;
        toolsetCheckTimeout = toolsetCheckTimeout == null ? Duration.ofSeconds(5) : toolsetCheckTimeout;
        console = console == null ? ConsoleConfig.defaults() : console;
        if (port < 0 || port > 65535) {
            throw new ConfigException("admin.port: " + port + " is not a TCP port; use 0..65535");
        }
    }

    static AdminConfig defaults() {
        return new AdminConfig(null, null, null, null, null, null);
    }

    /** The same listener on {@code port} (tests bind port 0). */
    public AdminConfig withPort(int port) {
        return new AdminConfig(enabled, host, port, toolsetCheckTtl, toolsetCheckTimeout, console);
    }
}
