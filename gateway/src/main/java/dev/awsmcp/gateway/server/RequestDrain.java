package dev.awsmcp.gateway.server;

import dev.awsmcp.gateway.http.JsonRpcErrors;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * First handler on the MCP path: counts the requests in flight and, once {@link #drain()} was called,
 * refuses new ones with 503 and {@code Retry-After}, so that a load balancer's client retries on another
 * instance while the ones already accepted run to completion. A POST is in flight until its response
 * ended or its connection closed (a tool call's SSE stream ends with its result); the long-lived GET
 * listening streams are not counted: they end when the sessions close.
 */
final class RequestDrain implements Handler<RoutingContext> {

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    static RequestDrain create() {
        return new RequestDrain();
    }

    private RequestDrain() {
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (draining) {
            ctx.response().putHeader("Retry-After", "1");
            JsonRpcErrors.send(ctx, 503, JsonRpcErrors.TRANSPORT_ERROR,
                    "server is shutting down; retry on another instance (the session continues there when a shared session store is configured)");
            return;
        }
        if (ctx.request().method() != HttpMethod.GET) {
            inFlight.incrementAndGet();
            ctx.addEndHandler(done -> inFlight.decrementAndGet());
        }
        ctx.next();
    }

    /** Stops accepting requests; those in flight go on ({@link #inFlight()} tells when they are done). */
    void drain() {
        draining = true;
    }

    /** Whether the listener is draining (readiness reports not ready). */
    boolean draining() {
        return draining;
    }

    /** Requests in flight now. */
    int inFlight() {
        return inFlight.get();
    }
}
