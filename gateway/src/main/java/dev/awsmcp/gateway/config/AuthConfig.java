package dev.awsmcp.gateway.config;

import java.net.URI;

/**
 * Inbound authentication. The HTTP listener needs at least one of {@code apiKeys} and {@code jwt}
 * (checked when it starts, since a stdio-only configuration needs neither).
 *
 * @param apiKeys static API keys, stored as SHA-256 hashes in a key file; null when not used
 * @param jwt bearer JWTs from an identity provider; null when not used
 * @param stdio the fixed principal of {@code serve --stdio}; null means principal {@code local}
 * @param resourceUrl the public URL of the MCP endpoint as clients know it (behind a load balancer);
 *     null means derived from each request's scheme, Host and the configured path
 */
public record AuthConfig(ApiKeysConfig apiKeys, JwtConfig jwt, StdioAuthConfig stdio, String resourceUrl) {
    public AuthConfig {
        if (resourceUrl != null) {
            resourceUrl = resourceUrl.isBlank() ? null : resourceUrl.trim();
        }
        if (resourceUrl != null && !HttpUrls.isAbsoluteHttp(resourceUrl)) {
            throw new ConfigException("auth.resourceUrl: '" + resourceUrl
                    + "' must be an absolute http(s) URL of the MCP endpoint, e.g. https://gateway.example.com/mcp");
        }
        if (resourceUrl != null && URI.create(resourceUrl).getRawQuery() != null) {
            throw new ConfigException("auth.resourceUrl: must not have a query string");
        }
    }

    /** Whether the HTTP listener has a way to authenticate callers. */
    public boolean protectsHttp() {
        return apiKeys != null || jwt != null;
    }

    static AuthConfig defaults() {
        return new AuthConfig(null, null, null, null);
    }
}
