package dev.awsmcp.gateway.ops;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Routes another part of the gateway serves on the admin listener (the audit console). Mounted once, on the
 * listener's own Vert.x instance and router, after the health and metrics routes and before the 404 answer;
 * closed when the listener closes, before its Vert.x instance.
 */
public interface AdminRoutes extends AutoCloseable {

    /** No routes beyond health and metrics. */
    AdminRoutes NONE = (vertx, router) -> { };

    /** Adds the routes to {@code router}; handlers run on {@code vertx}'s event loop and must not block it. */
    void mount(Vertx vertx, Router router);

    @Override
    default void close() {
    }
}
