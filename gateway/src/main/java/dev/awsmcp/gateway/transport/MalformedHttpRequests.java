package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers HTTP requests too broken to route (a wrong {@code Content-Length}, a NUL byte in a header, a
 * header or request line too long, no {@code Host} header) like every other refusal: a JSON-RPC error
 * body naming the problem, status 400 (431 for headers too large, 414 for a request line too long), and
 * one log line, never a stack trace. Install as the HTTP server's invalid request handler and as the
 * router's 400 error handler.
 */
public final class MalformedHttpRequests implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedHttpRequests.class);

    /** A request the HTTP codec could not decode; the connection is closed after the answer. */
    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        String problem = switch (status) {
            case 414 -> "the request line is too long";
            case 431 -> "the request headers are too large (at most 16 KiB)";
            default -> "malformed HTTP request: check the Content-Length header and that header names and values hold no control characters";
        };
        refuse(request, status, problem, cause == null ? "undecodable" : cause.getMessage());
        request.connection().close();
    }

    /** The router's answer to a request it failed with 400 (e.g. HTTP/1.1 without a Host header). */
    public static void routeFailed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        String problem = failure instanceof VertxException && failure.getMessage() != null ? failure.getMessage() : "malformed HTTP request";
        refuse(ctx.request(), 400, problem, problem);
    }

    private static void refuse(HttpServerRequest request, int status, String problem, String detail) {
        LOG.info("refused a malformed HTTP request from {}: {}", request.remoteAddress(), JsonRpcErrors.printable(detail, 200));
        JsonRpcErrors.send(request.response(), status, JsonRpcErrors.INVALID_REQUEST, problem, null);
    }
}
