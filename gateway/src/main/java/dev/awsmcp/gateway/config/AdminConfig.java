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
 * @param readiness what {@code /health/ready} waits for: {@code toolsets} (default: the gateway's own checks and every
 *     toolset's AWS check) or {@code gateway} (the gateway's own checks only; toolsets stay on
 *     {@code /health/toolsets/<id>}), so that one AWS service being down does not take every instance out of rotation
 * @param console the audit console served under {@code /console}
 */
public record AdminConfig(Boolean enabled, String host, Integer port, Duration toolsetCheckTtl, Duration toolsetCheckTimeout,
        String readiness, ConsoleConfig console) {

    /** {@code readiness: toolsets}: readiness includes every toolset's AWS check. */
    public static final String READY_ON_TOOLSETS = "toolsets";
    /** {@code readiness: gateway}: readiness is the gateway's own checks only. */
    public static final String READY_ON_GATEWAY = "gateway";

    public AdminConfig {
        enabled = enabled == null || enabled;
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? 9464 : port;
        toolsetCheckTtl = toolsetCheckTtl == null ? Duration.ofSeconds(15) : toolsetCheckTtl;
        toolsetCheckTimeout = toolsetCheckTimeout == null ? Duration.ofSeconds(5) : toolsetCheckTimeout;
        readiness = readiness == null || readiness.isBlank() ? READY_ON_TOOLSETS : readiness.trim();
        if (!readiness.equals(READY_ON_TOOLSETS) && !readiness.equals(READY_ON_GATEWAY)) {
            throw new ConfigException("admin.readiness: '" + readiness + "' is not one of toolsets, gateway (default toolsets;"
                    + " gateway keeps /health/ready on the gateway's own checks)");
        }
        console = console == null ? ConsoleConfig.defaults() : console;
        if (port < 0 || port > 65535) {
            throw new ConfigException("admin.port: " + port + " is not a TCP port; use 0..65535");
        }
    }

    static AdminConfig defaults() {
        return new AdminConfig(null, null, null, null, null, null, null);
    }

    /** True when {@code /health/ready} includes the toolsets' AWS checks ({@code readiness: toolsets}). */
    public boolean readyOnToolsets() {
        return readiness.equals(READY_ON_TOOLSETS);
    }

    /** The same listener on {@code port} (tests bind port 0). */
    public AdminConfig withPort(int port) {
        return new AdminConfig(enabled, host, port, toolsetCheckTtl, toolsetCheckTimeout, readiness, console);
    }
}
