package dev.awsmcp.gateway.config;

import java.time.Duration;
import java.util.List;

/**
 * The HTTP listener.
 *
 * @param host interface to bind; loopback by default
 * @param port TCP port; 0 picks a free one (tests)
 * @param path the MCP endpoint path
 * @param allowedOrigins browser origins allowed to call the endpoint (DNS rebinding defense); requests
 *     without an Origin header are allowed
 * @param allowedHosts Host header values accepted (name or name:port); empty means the loopback names
 *     when bound to loopback, and any host otherwise
 * @param maxRequestBytes the largest request body accepted (413 beyond)
 * @param sessionIdleTimeout sessions idle longer than this are closed, e.g. {@code 30m}
 * @param maxSessions sessions beyond this count are refused with 503 until others end
 * @param maxSessionsPerPrincipal sessions one principal may hold on this instance; beyond, its
 *     {@code initialize} is refused with 429 until it ends one (other principals are unaffected)
 * @param sessionStartsPerMinute {@code initialize} requests one principal may send per minute on this
 *     instance; beyond, 429 with {@code Retry-After}
 * @param drainTimeout on SIGTERM, how long requests in flight may run to completion before the calls
 *     still running are stopped (answered and audited as such), e.g. {@code 30s}
 * @param connections connection deadlines and the per-address connection cap (both listeners)
 * @param listTtl how long an MCP 2026-07-28 client may reuse a list it was given (tools, discover: {@code ttlMs});
 *     a policy reload tells listening clients at once, e.g. {@code 5m}; 0 means never reuse
 * @param catalog what a caller's tool list shows: {@code full} (default: every tool the caller may see) or {@code compact}
 *     (the gateway's {@code search_tools} and the tools the caller's teams called recently; docs/catalog.md)
 * @param recentTools in a compact catalog, how many distinct tools each team's recent calls list (default 8, 1..64)
 * @param idleHeapReturn after how long without a garbage collection the heap a burst committed is given back to the
 *     operating system (default 15s; 0 or off turns it off; docs/performance.md "Giving the heap back")
 */
public record ServerConfig(
        String host,
        Integer port,
        String path,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        Integer maxRequestBytes,
        Duration sessionIdleTimeout,
        Integer maxSessions,
        Integer maxSessionsPerPrincipal,
        Integer sessionStartsPerMinute,
        Duration drainTimeout,
        ConnectionsConfig connections,
        Duration listTtl,
        String catalog,
        Integer recentTools,
        @Durations.MayBeZero Duration idleHeapReturn) {

    /** {@code catalog: full}: a caller's tool list is every tool it may see. */
    public static final String FULL_CATALOG = "full";
    /** {@code catalog: compact}: {@code search_tools} and the tools the caller's teams called recently. */
    public static final String COMPACT_CATALOG = "compact";

    public ServerConfig {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? 8080 : port;
        path = path == null || path.isBlank() ? "/mcp" : path;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        maxRequestBytes = maxRequestBytes == null ? 1_048_576 : maxRequestBytes;
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofMinutes(30) : sessionIdleTimeout;
        maxSessions = maxSessions == null ? 10_000 : maxSessions;
        maxSessionsPerPrincipal = maxSessionsPerPrincipal == null ? 100 : maxSessionsPerPrincipal;
        sessionStartsPerMinute = sessionStartsPerMinute == null ? 60 : sessionStartsPerMinute;
        connections = connections == null ? ConnectionsConfig.defaults() : connections;
        drainTimeout = drainTimeout == null ? Duration.ofSeconds(30) : drainTimeout;
        listTtl = listTtl == null ? Duration.ofMinutes(5) : listTtl;
        catalog = catalog == null || catalog.isBlank() ? FULL_CATALOG : catalog.trim();
        recentTools = recentTools == null ? 8 : recentTools;
        idleHeapReturn = idleHeapReturn == null ? Duration.ofSeconds(15) : idleHeapReturn;
        if (!idleHeapReturn.isZero() && (idleHeapReturn.compareTo(Duration.ofSeconds(1)) < 0 || idleHeapReturn.compareTo(Duration.ofDays(1)) > 0)) {
            throw new ConfigException("server.idleHeapReturn: " + Durations.format(idleHeapReturn) + " is out of range; use 1s..24h, or 0 to keep the heap"
                    + " a burst committed (default 15s)");
        }
        if (!catalog.equals(FULL_CATALOG) && !catalog.equals(COMPACT_CATALOG)) {
            throw new ConfigException("server.catalog: '" + catalog + "' is not one of full, compact (default full; compact lists "
                    + "search_tools and the tools a team called recently)");
        }
        if (recentTools < 1 || recentTools > 64) {
            throw new ConfigException("server.recentTools: " + recentTools + " is out of range; use 1..64 (default 8)");
        }
        if (listTtl.isNegative() || listTtl.compareTo(Duration.ofDays(1)) > 0) {
            throw new ConfigException("server.listTtl: " + listTtl + " is out of range; use 0s..24h (e.g. 5m)");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("server.port: " + port + " is not a TCP port; use 0..65535");
        }
        if (!path.startsWith("/")) {
            throw new ConfigException("server.path: '" + path + "' must start with '/', e.g. /mcp");
        }
        if (maxRequestBytes < 1024) {
            throw new ConfigException("server.maxRequestBytes: " + maxRequestBytes + " is too small; use at least 1024");
        }
        if (maxSessions < 1) {
            throw new ConfigException("server.maxSessions: must be at least 1");
        }
        if (maxSessionsPerPrincipal < 1) {
            throw new ConfigException("server.maxSessionsPerPrincipal: " + maxSessionsPerPrincipal + " must be at least 1");
        }
        if (sessionStartsPerMinute < 1) {
            throw new ConfigException("server.sessionStartsPerMinute: " + sessionStartsPerMinute + " must be at least 1");
        }
    }

    /** The same listener on {@code otherPort} (tests bind port 0). */
    public ServerConfig withPort(int otherPort) {
        return new ServerConfig(host, otherPort, path, allowedOrigins, allowedHosts, maxRequestBytes, sessionIdleTimeout, maxSessions,
                maxSessionsPerPrincipal, sessionStartsPerMinute, drainTimeout, connections, listTtl, catalog, recentTools, idleHeapReturn);
    }

    /** True when a caller's tool list is compact ({@code catalog: compact}). */
    public boolean compactCatalog() {
        return catalog.equals(COMPACT_CATALOG);
    }

    static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
