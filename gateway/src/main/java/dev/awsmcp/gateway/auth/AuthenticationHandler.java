package dev.awsmcp.gateway.auth;

import dev.awsmcp.gateway.http.JsonRpcErrors;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request to the MCP endpoint from its {@code Authorization: Bearer} header: a
 * value shaped like a JWT goes to the JWT authenticator when one is configured, anything else is an
 * API key. On success the {@link Principal} is put in the routing context ({@link #principal}); on
 * failure the answer is 401 with a {@code WWW-Authenticate} header pointing to the protected resource
 * metadata, and a JSON-RPC error saying what is wrong (never echoing the key or token).
 */
public final class AuthenticationHandler implements Handler<RoutingContext> {

    /** Key of the authenticated {@link Principal} in the routing context. */
    public static final String PRINCIPAL = "dev.awsmcp.principal";

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationHandler.class);
    private static final String BEARER = "bearer ";

    private final ApiKeyAuthenticator apiKeys;
    private final JwtAuthenticator jwt;
    private final ProtectedResource resource;

    private AuthenticationHandler(ApiKeyAuthenticator apiKeys, JwtAuthenticator jwt, ProtectedResource resource) {
        this.apiKeys = apiKeys;
        this.jwt = jwt;
        this.resource = resource;
    }

    /**
     * @param apiKeys API key authenticator, or null when API keys are not configured
     * @param jwt JWT authenticator, or null when JWTs are not configured
     * @param resource the endpoint, for the metadata URL in 401 answers
     */
    public static AuthenticationHandler create(ApiKeyAuthenticator apiKeys, JwtAuthenticator jwt, ProtectedResource resource) {
        if (apiKeys == null && jwt == null) {
            throw new IllegalArgumentException("at least one of API keys and JWT is needed");
        }
        return new AuthenticationHandler(apiKeys, jwt, resource);
    }

    /** The principal that {@code ctx} was authenticated as, or null before authentication ran. */
    public static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    @Override
    public void handle(RoutingContext ctx) {
        int headers = ctx.request().headers().getAll("Authorization").size();
        if (headers > 1) {
            refuse(ctx, new AuthenticationException("send exactly one Authorization header; this request has " + headers, false));
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            refuse(ctx, new AuthenticationException("missing Authorization: Bearer header", false));
            return;
        }
        if (header.length() <= BEARER.length() || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
                || header.substring(BEARER.length()).isBlank()) {
            refuse(ctx, new AuthenticationException("Authorization header must be 'Bearer <API key or token>'", false));
            return;
        }
        String bearer = header.substring(BEARER.length()).trim();
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.pause();
        }
        authenticate(bearer).onComplete(result -> {
            if (!request.isEnded()) {
                request.resume();
            }
            if (result.succeeded()) {
                ctx.put(PRINCIPAL, result.result());
                ctx.next();
            } else {
                refuse(ctx, result.cause());
            }
        });
    }

    private Future<Principal> authenticate(String bearer) {
        if (jwt != null && JwtAuthenticator.looksLikeJwt(bearer)) {
            return jwt.authenticate(bearer);
        }
        if (apiKeys == null) {
            return Future.failedFuture(AuthenticationException.invalidToken("bearer value is not a JWT; this gateway accepts JWTs only"));
        }
        try {
            return Future.succeededFuture(apiKeys.authenticate(bearer));
        } catch (AuthenticationException e) {
            return Future.failedFuture(e);
        }
    }

    private void refuse(RoutingContext ctx, Throwable cause) {
        AuthenticationException failure = cause instanceof AuthenticationException e ? e
                : AuthenticationException.invalidToken("credentials could not be verified");
        if (!(cause instanceof AuthenticationException)) {
            LOG.error("authentication failed unexpectedly", cause);
        }
        LOG.info("refused {} {} from {}: {}", ctx.request().method(), ctx.request().path(), ctx.request().remoteAddress(),
                failure.getMessage());
        String challenge = "Bearer resource_metadata=\"" + resource.metadataUrl(ctx) + "\""
                + (failure.credentialsPresented() ? ", error=\"invalid_token\"" : "");
        ctx.response().putHeader("WWW-Authenticate", challenge);
        JsonRpcErrors.send(ctx, 401, JsonRpcErrors.TRANSPORT_ERROR, failure.getMessage());
    }
}
