package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * How the console answers: every response carries a strict Content-Security-Policy (scripts and styles only from the
 * console's own files, no inline code, Trusted Types required so that no script can write HTML from a string, no
 * framing) and no-sniff, no-referrer headers; API answers are JSON that is never cached.
 */
final class ConsoleResponses {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; "
            + "require-trusted-types-for 'script'; trusted-types 'none'";

    private ConsoleResponses() {
    }

    /** Sets the security headers on every console response. */
    static void secure(RoutingContext ctx) {
        ctx.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin")
                .putHeader("Cross-Origin-Resource-Policy", "same-origin");
        ctx.next();
    }

    static void json(RoutingContext ctx, int status, JsonNode body) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
                .end(body.toString());
    }

    static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, Json.object().put("error", message));
    }
}
