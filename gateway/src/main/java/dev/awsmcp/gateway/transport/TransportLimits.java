package dev.awsmcp.gateway.transport;

import java.time.Duration;

/**
 * The bounds of the Streamable HTTP transport.
 *
 * @param sessionIdleTimeout local copies of sessions idle this long are dropped (the store's ttl decides when a session ends)
 * @param maxSessions sessions this instance holds at most; {@code initialize} beyond gets 503
 * @param maxSessionsPerPrincipal sessions one principal holds here at most; its {@code initialize} beyond gets 429
 * @param sessionStartsPerMinute {@code initialize} requests one principal may send here per minute; 429 beyond
 * @param streamKeepAlive how often an open event stream gets a keep-alive comment, so that no idle timeout
 *     (the listener's, or a proxy's) cuts it
 */
public record TransportLimits(Duration sessionIdleTimeout, int maxSessions, int maxSessionsPerPrincipal, int sessionStartsPerMinute,
        Duration streamKeepAlive) {

    /** The keep-alive interval of event streams under a connection idle timeout of {@code idleTimeout}: half of it, at most 20 s. */
    public static Duration keepAliveUnder(Duration idleTimeout) {
        Duration half = idleTimeout.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(20)) < 0 ? half : Duration.ofSeconds(20);
    }
}
