package dev.awsmcp.gateway.auth;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;

/**
 * The MCP endpoint as an OAuth protected resource (RFC 9728): its URL, and where its metadata
 * document is. The URL is the configured {@code auth.resourceUrl}, or else derived from the request's
 * scheme and Host (already checked against {@code server.allowedHosts}) and the MCP path.
 *
 * @param configuredUrl the public URL of the MCP endpoint, or null to derive it per request
 * @param mcpPath the path the MCP endpoint is served at, e.g. {@code /mcp}
 */
public record ProtectedResource(String configuredUrl, String mcpPath) {

    /** The well-known path of the metadata document. */
    public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    /** The URL of the MCP endpoint as the client of {@code ctx} reaches it. */
    public String resource(RoutingContext ctx) {
        if (configuredUrl != null) {
            return configuredUrl;
        }
        HostAndPort authority = ctx.request().authority();
        String host = authority == null ? "localhost"
                : authority.port() < 0 ? authority.host() : authority.host() + ":" + authority.port();
        return ctx.request().scheme() + "://" + host + mcpPath;
    }

    /**
     * The URL of the metadata document: the well-known path inserted between the resource's host and
     * its path (RFC 9728 section 3.1), e.g. {@code https://gw.example.com/.well-known/oauth-protected-resource/mcp}.
     */
    public String metadataUrl(RoutingContext ctx) {
        URI resource = URI.create(resource(ctx));
        String path = resource.getRawPath() == null || "/".equals(resource.getRawPath()) ? "" : resource.getRawPath();
        return resource.getScheme() + "://" + resource.getRawAuthority() + WELL_KNOWN + path;
    }

    /** The paths the metadata document is served at: the plain well-known path and the path-suffixed one. */
    public List<String> metadataPaths() {
        return "/".equals(mcpPath) ? List.of(WELL_KNOWN) : List.of(WELL_KNOWN, WELL_KNOWN + mcpPath);
    }
}
