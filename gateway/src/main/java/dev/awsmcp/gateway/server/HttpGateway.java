package dev.awsmcp.gateway.server;

import dev.awsmcp.gateway.config.Durations;
import dev.awsmcp.gateway.config.ServerConfig;
import dev.awsmcp.gateway.mcp.McpServerFactory;
import dev.awsmcp.gateway.transport.JsonRpcErrors;
import dev.awsmcp.gateway.transport.RequestGuardHandler;
import dev.awsmcp.gateway.transport.StreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway over Streamable HTTP: one place builds the router, in explicit order — header guard
 * (Host, Origin, protocol version), body limit, then the MCP transport.
 */
public final class HttpGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

    private final Vertx vertx;
    private final StreamableHttpTransport transport;
    private final McpAsyncServer mcp;
    private final HttpServer server;
    private final ServerConfig config;

    private HttpGateway(Vertx vertx, StreamableHttpTransport transport, McpAsyncServer mcp, HttpServer server, ServerConfig config) {
        this.vertx = vertx;
        this.transport = transport;
        this.mcp = mcp;
        this.server = server;
        this.config = config;
    }

    /** Starts listening; blocks the calling (non-event-loop) thread until the port is bound. */
    public static HttpGateway start(GatewayRuntime runtime) throws Exception {
        ServerConfig config = runtime.config().server();
        Vertx vertx = Vertx.vertx();
        try {
            Duration idle = Durations.parse(config.sessionIdleTimeout(), "server.sessionIdleTimeout");
            StreamableHttpTransport transport = new StreamableHttpTransport(vertx, McpServerFactory.JSON, idle,
                    config.maxSessions(), HttpGateway::transportContext);
            McpAsyncServer mcp = runtime.servers().create(transport);
            Router router = router(vertx, config, transport);
            HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                            .setHost(config.host())
                            .setPort(config.port())
                            .setMaxHeaderSize(16 * 1024)
                            .setIdleTimeout(0))
                    .requestHandler(router)
                    .listen()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            HttpGateway gateway = new HttpGateway(vertx, transport, mcp, server, config);
            LOG.info("MCP endpoint listening on {}", gateway.mcpUrl());
            return gateway;
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    /** The SDK transport context of a request: its authenticated principal, when there is one. */
    private static McpTransportContext transportContext(io.vertx.ext.web.RoutingContext ctx) {
        Object principal = ctx.get(McpServerFactory.PRINCIPAL_KEY);
        return principal == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(McpServerFactory.PRINCIPAL_KEY, principal));
    }

    private static Router router(Vertx vertx, ServerConfig config, StreamableHttpTransport transport) {
        Router router = Router.router(vertx);
        String path = config.path();
        router.route(path).handler(RequestGuardHandler.create(config.allowedOrigins(), config.allowedHosts(), config.host(),
                transport.protocolVersions()));
        router.post(path).handler(BodyHandler.create(false).setBodyLimit(config.maxRequestBytes())).handler(transport::handlePost);
        router.get(path).handler(transport::handleGet);
        router.delete(path).handler(transport::handleDelete);
        router.route(path).handler(ctx -> {
            ctx.response().putHeader("Allow", "GET, POST, DELETE");
            JsonRpcErrors.send(ctx, 405, JsonRpcErrors.TRANSPORT_ERROR, "method not allowed; use POST, GET or DELETE");
        });
        router.errorHandler(413, ctx -> JsonRpcErrors.send(ctx, 413, JsonRpcErrors.TRANSPORT_ERROR,
                "request body exceeds " + config.maxRequestBytes() + " bytes (server.maxRequestBytes)"));
        router.errorHandler(500, ctx -> {
            LOG.error("unhandled error on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
            JsonRpcErrors.send(ctx, 500, JsonRpcErrors.INTERNAL_ERROR, "internal error");
        });
        return router;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return server.actualPort();
    }

    /** The URL clients connect to. */
    public URI mcpUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if ("0.0.0.0".equals(host)) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + host + ":" + port() + config.path());
    }

    /** The MCP transport, for per-session notifications. */
    public StreamableHttpTransport transport() {
        return transport;
    }

    @Override
    public void close() {
        try {
            mcp.closeGracefully().block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warn("closing MCP sessions failed", e);
        }
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing the HTTP server failed", e);
        }
    }
}
