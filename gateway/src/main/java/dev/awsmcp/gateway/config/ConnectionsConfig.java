package dev.awsmcp.gateway.config;

import java.time.Duration;

/**
 * How long a client may hold a connection of the HTTP listeners (MCP and admin) without sending what
 * it owes, and how many it may hold at once: the defense against clients that open connections and
 * trickle or never finish their requests (slowloris).
 *
 * @param idleTimeout a connection with no bytes in either direction, or waiting this long for its next
 *     request, is closed; event streams send keep-alive comments at half this (at most every 20 s), so
 *     they stay open; default {@code 2m}
 * @param headerTimeout a new connection must deliver its first request line and headers within this;
 *     default {@code 10s}
 * @param bodyTimeout a request body must arrive in full within this after its headers (408 beyond);
 *     default {@code 30s}
 * @param maxPerAddress connections one client address may hold at once; more are closed at once;
 *     {@code 0} turns the cap off (behind a load balancer every connection comes from its addresses);
 *     default {@code 256}
 */
public record ConnectionsConfig(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, Integer maxPerAddress) {

    public ConnectionsConfig {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(2) : idleTimeout;
        headerTimeout = headerTimeout == null ? Duration.ofSeconds(10) : headerTimeout;
        bodyTimeout = bodyTimeout == null ? Duration.ofSeconds(30) : bodyTimeout;
        maxPerAddress = maxPerAddress == null ? 256 : maxPerAddress;
        if (idleTimeout.toMillis() < 1000) {
            throw new ConfigException("server.connections.idleTimeout: " + Durations.format(idleTimeout) + " is too short; use at least 1s");
        }
        if (maxPerAddress < 0) {
            throw new ConfigException("server.connections.maxPerAddress: " + maxPerAddress
                    + " is negative; use a count of connections, or 0 for no cap");
        }
    }

    static ConnectionsConfig defaults() {
        return new ConnectionsConfig(null, null, null, null);
    }
}
