package dev.awsmcp.gateway.auth;

import dev.awsmcp.toolset.support.Json;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the OAuth 2.0 Protected Resource Metadata document (RFC 9728) that 401 answers point to, so
 * MCP clients find the authorization server to get a token from. Unauthenticated, GET only.
 */
public final class ProtectedResourceMetadataHandler implements Handler<RoutingContext> {

    private final ProtectedResource resource;
    private final String issuer;

    private ProtectedResourceMetadataHandler(ProtectedResource resource, String issuer) {
        this.resource = resource;
        this.issuer = issuer;
    }

    /**
     * @param resource the MCP endpoint
     * @param issuer the authorization server (JWT issuer), or null when only API keys are configured
     */
    public static ProtectedResourceMetadataHandler create(ProtectedResource resource, String issuer) {
        return new ProtectedResourceMetadataHandler(resource, issuer);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resource", resource.resource(ctx));
        if (issuer != null) {
            document.put("authorization_servers", List.of(issuer));
        }
        document.put("bearer_methods_supported", List.of("header"));
        document.put("resource_name", "AWS MCP Gateway");
        String body;
        try {
            body = Json.mapper().writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "max-age=300").end(body);
    }
}
