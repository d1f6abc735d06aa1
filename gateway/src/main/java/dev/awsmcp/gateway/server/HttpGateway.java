package dev.awsmcp.gateway.server;

import dev.awsmcp.gateway.config.ConnectionsConfig;
import dev.awsmcp.gateway.console.AuditConsole;
import dev.awsmcp.gateway.console.ConsoleSources;
import dev.awsmcp.gateway.config.ServerConfig;
import dev.awsmcp.gateway.config.AdminConfig;
import dev.awsmcp.gateway.mcp.McpServerFactory;
import dev.awsmcp.gateway.ops.AdminServer;
import dev.awsmcp.gateway.ops.GatewayMetrics;
import dev.awsmcp.gateway.transport.ConnectionGuard;
import dev.awsmcp.gateway.transport.ConnectionLimits;
import dev.awsmcp.gateway.http.JsonRpcErrors;
import dev.awsmcp.gateway.transport.MalformedHttpRequests;
import dev.awsmcp.gateway.transport.RequestGuardHandler;
import dev.awsmcp.gateway.transport.StreamableHttpTransport;
import dev.awsmcp.gateway.transport.TransportLimits;
import dev.awsmcp.gateway.auth.AuthenticationHandler;
import dev.awsmcp.gateway.auth.InboundAuthentication;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.modelcontextprotocol.modern.server.feature.McpChangeFeed;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway over Streamable HTTP: one place builds the router, in explicit order — connection guard
 * (deadlines for request heads and bodies), drain (refuses new requests during shutdown), header guard
 * (Host, Origin, protocol version), authentication, body limit, then the MCP transport (POSTs on the
 * {@code mcp-request} worker pool). The protected
 * resource metadata document is served before authentication, since 401 answers point clients to it.
 */
public final class HttpGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    /** How long the calls stopped at the end of a drain get to write their audit records and answer. */
    private static final Duration STOPPED_CALLS_GRACE = Duration.ofSeconds(5);
    /** Threads of the {@code mcp-request} pool that reads POST bodies. */
    private static final int REQUEST_THREADS = 16;

    private final Vertx vertx;
    private final StreamableHttpTransport transport;
    private final McpAsyncServer mcp;
    private final HttpServer server;
    private final ServerConfig config;
    private final InboundAuthentication authentication;
    private final RequestDrain drain;
    private final GatewayRuntime runtime;
    private final AdminServer admin;

    private HttpGateway(Vertx vertx, StreamableHttpTransport transport, McpAsyncServer mcp, HttpServer server, ServerConfig config,
            InboundAuthentication authentication, RequestDrain drain, GatewayRuntime runtime, AdminServer admin) {
        this.admin = admin;
        this.vertx = vertx;
        this.drain = drain;
        this.runtime = runtime;
        this.authentication = authentication;
        this.transport = transport;
        this.mcp = mcp;
        this.server = server;
        this.config = config;
    }

    /**
     * Starts listening; blocks the calling (non-event-loop) thread until the port is bound. Throws
     * {@code ConfigException} when {@code auth} configures no way to authenticate callers.
     */
    public static HttpGateway start(GatewayRuntime runtime) throws Exception {
        ServerConfig config = runtime.config().server();
        GatewayMetrics metrics = runtime.operations().metrics();
        Vertx vertx = Vertx.builder().with(metrics.vertxOptions()).withMetrics(metrics.vertxMetricsFactory()).build();
        try {
            InboundAuthentication authentication = InboundAuthentication.create(vertx, runtime.config().auth(), config.path());
            authentication.start(10);
            ConnectionLimits connectionLimits = connectionLimits(config.connections());
            TransportLimits limits = new TransportLimits(config.sessionIdleTimeout(),
                    config.maxSessions(), config.maxSessionsPerPrincipal(), config.sessionStartsPerMinute(),
                    TransportLimits.keepAliveUnder(connectionLimits.idleTimeout()));
            AuditedSessions audited = new AuditedSessions(runtime.audit(), runtime.registry(), runtime.pipeline());
            StreamableHttpTransport transport = new StreamableHttpTransport(vertx, McpServerFactory.JSON, limits,
                    ctx -> McpServerFactory.transportContext(AuthenticationHandler.principal(ctx),
                            ctx.request().getHeader(StreamableHttpTransport.TRACEPARENT_KEY)), audited, runtime.sessions());
            transport.interceptRequests(audited);
            McpAsyncServer mcp = runtime.servers().create(transport);
            McpChangeFeed changes = new McpChangeFeed();
            transport.serveModern(runtime.servers().createModern(changes, config.listTtl()));
            runtime.policies().onChange(new ToolListChangeNotifier(runtime.registry(), transport, changes));
            RequestDrain drain = RequestDrain.create();
            ConnectionGuard connections = new ConnectionGuard(vertx, connectionLimits, "MCP");
            Router router = router(vertx, config, transport, authentication, drain, connections);
            HttpServer server = vertx.createHttpServer(connections.configure(new HttpServerOptions()
                            .setHost(config.host())
                            .setPort(config.port())
                            .setMaxHeaderSize(16 * 1024)))
                    .invalidRequestHandler(new MalformedHttpRequests())
                    .connectionHandler(connections::connected)
                    .requestHandler(router)
                    .listen()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            metrics.bindSessions(transport::sessionCount);
            AdminConfig adminConfig = runtime.config().admin();
            AdminServer admin = adminConfig.enabled() ? AdminServer.start(adminConfig, runtime.operations(), connectionLimits,
                    AuditConsole.create(new ConsoleSources(runtime.config(), runtime.policies(), runtime.registry(), runtime.resilience(),
                            runtime.audit(), transport::sessionPrincipals))) : null;
            HttpGateway gateway = new HttpGateway(vertx, transport, mcp, server, config, authentication, drain, runtime, admin);
            LOG.info("MCP endpoint listening on {}", gateway.mcpUrl());
            // Listening: now the toolsets' AWS clients and the guard's rules, whose builds would have competed with the
            // start for the cores.
            runtime.startDeferredWork();
            return gateway;
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    /** The connection bounds of {@code config}, for both listeners. */
    static ConnectionLimits connectionLimits(ConnectionsConfig config) {
        return new ConnectionLimits(config.idleTimeout(), config.headerTimeout(), config.bodyTimeout(), config.maxPerAddress());
    }

    private static Router router(Vertx vertx, ServerConfig config, StreamableHttpTransport transport,
            InboundAuthentication authentication, RequestDrain drain, ConnectionGuard connections) {
        Router router = Router.router(vertx);
        String path = config.path();
        router.route().handler(connections);
        // Reading a large POST (JSON parsing of up to server.maxRequestBytes) runs on a pool of its own, never on the event loop;
        // more threads than cores, so that a small request never waits behind large ones being parsed. Small ones stay.
        WorkerExecutor posts = vertx.createSharedWorkerExecutor("mcp-request", REQUEST_THREADS);
        RequestGuardHandler guard = RequestGuardHandler.create(config.allowedOrigins(), config.allowedHosts(), config.host(),
                transport.acceptedVersions());
        for (String metadataPath : authentication.metadataPaths()) {
            router.get(metadataPath).handler(guard).handler(authentication.metadataHandler());
        }
        // One route with the three handlers every MCP request passes: the router matches the path once, not three times.
        router.route(path).handler(drain).handler(guard).handler(authentication.handler());
        router.post(path).handler(BodyHandler.create(false).setBodyLimit(config.maxRequestBytes()))
                .handler(ctx -> {
                    if (ctx.body().length() <= StreamableHttpTransport.INLINE_BODY_BYTES) {
                        // Parsing a small body takes microseconds: less than handing it to another thread and back.
                        transport.handlePost(ctx);
                        return;
                    }
                    posts.executeBlocking(() -> {
                        transport.handlePost(ctx);
                        return null;
                    }, false).onFailure(ctx::fail);
                });
        router.get(path).handler(transport::handleGet);
        router.delete(path).handler(transport::handleDelete);
        router.route(path).handler(ctx -> {
            ctx.response().putHeader("Allow", "GET, POST, DELETE");
            JsonRpcErrors.send(ctx, 405, JsonRpcErrors.TRANSPORT_ERROR, "method not allowed; use POST, GET or DELETE");
        });
        router.errorHandler(400, MalformedHttpRequests::routeFailed);
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

    /** The admin listener (health, metrics), if enabled. */
    public java.util.Optional<AdminServer> admin() {
        return java.util.Optional.ofNullable(admin);
    }

    /** The MCP transport, for per-session notifications. */
    public StreamableHttpTransport transport() {
        return transport;
    }

    /** Whether a shutdown is draining requests (readiness reports not ready). */
    public boolean draining() {
        return drain.draining();
    }

    /**
     * Graceful shutdown: refuses new requests (503, {@code Retry-After}), lets the ones in flight and the running
     * tasks' calls finish within {@code drainTimeout}, then answers the toolset calls still running with a SHUTDOWN error
     * (each audited), and closes sessions and the listener. Blocks the calling thread, never an event loop.
     */
    public void shutdown(Duration drainTimeout) {
        long start = System.nanoTime();
        drain.drain();
        runtime.operations().readiness().startDraining();
        LOG.info("shutdown: draining {} request(s) in flight and {} task(s) running (server.drainTimeout {})", drain.inFlight(),
                runtime.servers().tasksRunning(), drainTimeout);
        boolean drained = awaitIdle(start + drainTimeout.toNanos());
        if (!drained) {
            runtime.pipeline().stopCallsInFlight();
            // Stopped calls still go through their audit step before they answer.
            drained = awaitIdle(System.nanoTime() + STOPPED_CALLS_GRACE.toNanos());
        }
        LOG.info("shutdown: {} after {} ms{}", drained ? "drained" : "drain incomplete", (System.nanoTime() - start) / 1_000_000,
                drained ? "" : "; " + drain.inFlight() + " request(s) cut off");
        close();
    }

    private boolean awaitIdle(long deadlineNanos) {
        // A task's call runs detached from the request that started it: it is drained like one, its audit record written.
        while ((drain.inFlight() > 0 || runtime.servers().tasksRunning() > 0) && System.nanoTime() < deadlineNanos) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return drain.inFlight() == 0 && runtime.servers().tasksRunning() == 0;
    }

    @Override
    public void close() {
        authentication.close();
        try {
            mcp.closeGracefully().block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warn("closing MCP sessions failed", e);
        }
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (admin != null) {
                admin.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing the HTTP server failed", e);
        }
    }
}
