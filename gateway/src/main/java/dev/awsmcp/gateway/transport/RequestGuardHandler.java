package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the headers of every request to the MCP endpoint before anything else runs: the Host header
 * and the Origin header against DNS rebinding (403), and {@code MCP-Protocol-Version} against the
 * versions this server speaks (400; a missing header is accepted, as the spec allows).
 */
public final class RequestGuardHandler implements Handler<RoutingContext> {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowedOrigins;
    private final Set<String> allowedHosts;
    private final boolean loopbackOnly;
    private final List<String> protocolVersions;

    private RequestGuardHandler(List<String> allowedOrigins, List<String> allowedHosts, boolean loopbackOnly, List<String> protocolVersions) {
        this.allowedOrigins = Set.copyOf(allowedOrigins.stream().map(RequestGuardHandler::lower).toList());
        this.allowedHosts = Set.copyOf(allowedHosts.stream().map(RequestGuardHandler::lower).toList());
        this.loopbackOnly = loopbackOnly;
        this.protocolVersions = List.copyOf(protocolVersions);
    }

    /**
     * @param allowedOrigins browser origins allowed (exact, e.g. {@code https://console.example.com})
     * @param allowedHosts Host values allowed (name or name:port); empty means loopback names when
     *     {@code bindHost} is a loopback address, anything otherwise
     * @param bindHost the address the server listens on
     * @param protocolVersions the MCP protocol versions accepted in {@code MCP-Protocol-Version}
     */
    public static RequestGuardHandler create(List<String> allowedOrigins, List<String> allowedHosts, String bindHost,
            List<String> protocolVersions) {
        return new RequestGuardHandler(allowedOrigins, allowedHosts, isLoopback(bindHost), protocolVersions);
    }

    @Override
    public void handle(RoutingContext ctx) {
        // authority() is the Host header on HTTP/1.1 and :authority on HTTP/2.
        io.vertx.core.net.HostAndPort authority = ctx.request().authority();
        String host = authority == null ? null
                : authority.port() < 0 ? authority.host() : authority.host() + ":" + authority.port();
        if (!hostAllowed(host)) {
            JsonRpcErrors.send(ctx, 403, JsonRpcErrors.TRANSPORT_ERROR,
                    "Host '" + host + "' is not allowed; add it to server.allowedHosts if this gateway is served under that name");
            return;
        }
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && !originAllowed(origin)) {
            JsonRpcErrors.send(ctx, 403, JsonRpcErrors.TRANSPORT_ERROR,
                    "Origin '" + origin + "' is not allowed; add it to server.allowedOrigins to allow that web page");
            return;
        }
        String version = ctx.request().getHeader("MCP-Protocol-Version");
        if (version != null && !protocolVersions.contains(version)) {
            JsonRpcErrors.send(ctx.response(), 400, new JsonRpcErrors.Error(JsonRpcErrors.UNSUPPORTED_PROTOCOL_VERSION,
                    "unsupported MCP-Protocol-Version '" + JsonRpcErrors.printable(version, 40) + "'; supported: " + String.join(", ", protocolVersions),
                    Map.of("supported", protocolVersions, "requested", JsonRpcErrors.printable(version, 40))), null);
            return;
        }
        ctx.next();
    }

    private boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String value = lower(host.trim());
        if (!allowedHosts.isEmpty()) {
            return allowedHosts.contains(value) || allowedHosts.contains(hostName(value));
        }
        return !loopbackOnly || LOOPBACK_NAMES.contains(hostName(value));
    }

    private boolean originAllowed(String origin) {
        String value = lower(origin.trim());
        if (allowedOrigins.contains(value)) {
            return true;
        }
        if (!loopbackOnly) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && LOOPBACK_NAMES.contains(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String hostName(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end > 0 ? hostHeader.substring(0, end + 1) : hostHeader;
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon > 0 ? hostHeader.substring(0, colon) : hostHeader;
    }

    /** Whether {@code bindHost} is a loopback address or name, as a listener's bind address is written. */
    public static boolean isLoopback(String bindHost) {
        return LOOPBACK_NAMES.contains(bindHost) || bindHost.startsWith("127.");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
