package dev.awsmcp.gateway.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.config.AdminConfig;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.gateway.transport.ConnectionGuard;
import dev.awsmcp.gateway.transport.ConnectionLimits;
import dev.awsmcp.toolset.support.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.BindException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin listener, on its own port: {@code GET /health/live}, {@code /health/ready},
 * {@code /health/toolsets/<id>} (JSON; 503 when down, 404 for an unknown id) and {@code /metrics}
 * (Prometheus text format). No authentication: bind it to loopback or a private interface.
 * It runs on a small Vert.x instance of its own (one event loop, two workers), so that probes answer
 * while the MCP listener is busy or draining and scrapes do not count as MCP traffic. Scrapes run on a
 * worker thread, never on the event loop.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Vertx vertx;
    private final HttpServer server;
    private final AdminConfig config;
    private final AdminRoutes routes;

    private AdminServer(Vertx vertx, HttpServer server, AdminConfig config, AdminRoutes routes) {
        this.vertx = vertx;
        this.server = server;
        this.config = config;
        this.routes = routes;
    }

    /**
     * Starts listening; blocks the calling (non-event-loop) thread until the port is bound. Its connections
     * are bounded by {@code connections}, as the MCP listener's are; {@code routes} are served beside health and
     * metrics (and closed with the listener, or when it cannot start).
     */
    public static AdminServer start(AdminConfig config, GatewayOperations operations, ConnectionLimits connections, AdminRoutes routes)
            throws Exception {
        Vertx vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)).build();
        try {
            ConnectionGuard guard = new ConnectionGuard(vertx, connections, "admin");
            Router router = router(vertx, operations, guard, routes);
            HttpServer server = vertx.createHttpServer(guard.configure(new HttpServerOptions().setHost(config.host()).setPort(config.port())))
                    .connectionHandler(guard::connected)
                    .requestHandler(router)
                    .listen()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            AdminServer admin = new AdminServer(vertx, server, config, routes);
            LOG.info("admin endpoints (health, metrics) listening on {}", admin.url());
            return admin;
        } catch (ExecutionException e) {
            routes.close();
            vertx.close();
            throw e.getCause() instanceof BindException bind
                    ? new ConfigException("admin: cannot listen on " + config.host() + ":" + config.port() + " ("
                            + bind.getMessage() + "); choose another admin.port, or set admin.enabled: false")
                    : e;
        } catch (Exception e) {
            routes.close();
            vertx.close();
            throw e;
        }
    }

    private static Router router(Vertx vertx, GatewayOperations operations, ConnectionGuard guard, AdminRoutes routes) {
        Router router = Router.router(vertx);
        router.route().handler(guard);
        router.get("/health/live").handler(ctx -> json(ctx, 200, Json.object().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> answer(ctx, operations.readiness().check(),
                report -> json(ctx, report.ready() ? 200 : 503, report.toJson())));
        router.get("/health/toolsets/:id").handler(ctx -> {
            Optional<ToolsetInstance> instance = operations.registry().instance(ctx.pathParam("id"));
            if (instance.isEmpty()) {
                json(ctx, 404, Json.object().put("error", "no toolset with this id; configured: "
                        + operations.registry().instances().stream().map(ToolsetInstance::id).toList()));
                return;
            }
            answer(ctx, operations.toolsets().check(instance.get()), status -> json(ctx, status.up() ? 200 : 503, status.toJson()));
        });
        router.get("/metrics").handler(ctx -> ctx.vertx().executeBlocking(() -> operations.metrics().scrape(), false)
                .onSuccess(text -> ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(text))
                .onFailure(ctx::fail));
        routes.mount(vertx, router);
        router.route().handler(ctx -> json(ctx, 404, Json.object().put("error",
                "not found; try /health/live, /health/ready, /health/toolsets/<id>, /metrics or /console/")));
        router.errorHandler(500, ctx -> {
            LOG.error("admin request {} failed", ctx.request().path(), ctx.failure());
            json(ctx, 500, Json.object().put("error", "internal error"));
        });
        return router;
    }

    /** Continues on the request's context once {@code stage} completes. */
    private static <T> void answer(RoutingContext ctx, CompletionStage<T> stage, Consumer<T> then) {
        Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext()).onSuccess(then::accept).onFailure(ctx::fail);
    }

    private static void json(RoutingContext ctx, int status, ObjectNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(body.toString());
    }

    /** The port actually bound. */
    public int port() {
        return server.actualPort();
    }

    /** The listener's base URL. */
    public URI url() {
        String host = "0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port());
    }

    @Override
    public void close() {
        try {
            routes.close();
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing the admin listener failed", e);
        }
    }
}
