package dev.awsmcp.gateway.transport;

import java.time.Duration;

/**
 * What a client may hold of an HTTP listener without doing its part ({@link ConnectionGuard}).
 *
 * @param idleTimeout a connection without traffic, or waiting for its next request, this long is closed
 * @param headerTimeout a new connection's first request head must arrive within this
 * @param bodyTimeout a request body must arrive in full within this after its head (408 beyond)
 * @param maxPerAddress connections one client address may hold at once; 0 for no cap
 */
public record ConnectionLimits(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxPerAddress) {
}
