package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.auth.AuthenticationHandler;
import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MCP Streamable HTTP (spec 2025-11-25) on Vert.x, as a transport provider of the official SDK.
 * POST carries client messages (initialize answers JSON with {@code Mcp-Session-Id}; requests answer
 * with an SSE stream; notifications and responses answer 202); GET opens the session's listening
 * stream; DELETE ends the session. Handlers never block: SDK publishers are subscribed, and every
 * response write happens on the request's Vert.x context. Requests arrive authenticated
 * ({@link AuthenticationHandler} runs first); a session belongs to the principal that initialized it,
 * and its id presented by anyone else is answered like an unknown one (404).
 */
public final class StreamableHttpTransport implements McpStreamableServerTransportProvider {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpTransport.class);
    private static final TypeRef<McpSchema.InitializeRequest> INITIALIZE = new TypeRef<>() {
    };

    private final Vertx vertx;
    private final McpJsonMapper json;
    private final McpSessions sessions;
    private final Function<RoutingContext, McpTransportContext> contextExtractor;
    private final long sweepTimer;
    private final SessionListener sessionListener;
    private volatile RequestInterceptor interceptor = RequestInterceptor.NONE;
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    /**
     * @param contextExtractor builds the SDK transport context of a request (the authenticated caller)
     */
    public StreamableHttpTransport(Vertx vertx, McpJsonMapper json, Duration idleTimeout, int maxSessions,
            Function<RoutingContext, McpTransportContext> contextExtractor) {
        this(vertx, json, idleTimeout, maxSessions, contextExtractor, SessionListener.NONE);
    }

    /**
     * @param contextExtractor builds the SDK transport context of a request (the authenticated caller)
     * @param sessionListener hears of every session start and end
     */
    public StreamableHttpTransport(Vertx vertx, McpJsonMapper json, Duration idleTimeout, int maxSessions,
            Function<RoutingContext, McpTransportContext> contextExtractor, SessionListener sessionListener) {
        this.vertx = vertx;
        this.json = json;
        this.sessionListener = sessionListener;
        this.sessions = new McpSessions(idleTimeout, maxSessions, System::nanoTime, sessionListener);
        this.contextExtractor = contextExtractor;
        long sweepEvery = Math.max(1000, Math.min(idleTimeout.toMillis() / 4, 60_000));
        this.sweepTimer = vertx.setPeriodic(sweepEvery, id -> sweep());
    }

    /** Sets what sees every session request before the MCP server handles it. */
    public void interceptRequests(RequestInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** Handles POST: one JSON-RPC message per request (batches are not part of the 2025-11-25 protocol). */
    public void handlePost(RoutingContext ctx) {
        if (refuseWhenClosing(ctx)) {
            return;
        }
        String accept = ctx.request().getHeader("Accept");
        if (!accepts(accept, "application/json") || !accepts(accept, "text/event-stream")) {
            JsonRpcErrors.send(ctx, 406, JsonRpcErrors.TRANSPORT_ERROR,
                    "Accept header must list both application/json and text/event-stream");
            return;
        }
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            JsonRpcErrors.send(ctx, 415, JsonRpcErrors.TRANSPORT_ERROR, "Content-Type must be application/json");
            return;
        }
        McpSchema.JSONRPCMessage message = JsonRpcMessageReader.read(ctx, json);
        if (message == null) {
            return;
        }
        McpTransportContext transportContext = contextExtractor.apply(ctx);
        if (message instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(ctx, request, transportContext);
            return;
        }
        McpStreamableServerSession session = requireSession(ctx);
        if (session == null) {
            return;
        }
        Context vertxContext = vertx.getOrCreateContext();
        if (message instanceof McpSchema.JSONRPCRequest request) {
            SseStream stream = new SseStream(ctx.response(), vertxContext, json, session.getId());
            stream.open();
            Principal caller = AuthenticationHandler.principal(ctx);
            McpSchema.Implementation client = sessions.clientOf(session.getId()).orElse(null);
            Mono.defer(() -> interceptor.before(request, session.getId(), caller, client))
                    .then(Mono.defer(() -> session.responseStream(request, stream)))
                    .contextWrite(c -> c.put(McpTransportContext.KEY, transportContext))
                    .subscribe(null, error -> {
                        LOG.error("session {}: request {} failed in the transport", session.getId(), request.id(), error);
                        stream.close();
                    });
        } else {
            Mono<Void> accepted = message instanceof McpSchema.JSONRPCResponse response
                    ? session.accept(response)
                    : session.accept((McpSchema.JSONRPCNotification) message);
            accepted.contextWrite(c -> c.put(McpTransportContext.KEY, transportContext))
                    .subscribe(null,
                            error -> vertxContext.runOnContext(v -> JsonRpcErrors.send(ctx, 500, JsonRpcErrors.INTERNAL_ERROR,
                                    "the message could not be processed")),
                            () -> vertxContext.runOnContext(v -> ctx.response().setStatusCode(202).end()));
        }
    }

    private void initialize(RoutingContext ctx, McpSchema.JSONRPCRequest request, McpTransportContext transportContext) {
        if (sessionFactory == null) {
            JsonRpcErrors.send(ctx.response(), 503, JsonRpcErrors.INTERNAL_ERROR, "server is starting; retry shortly", request.id());
            return;
        }
        if (!sessions.hasRoom()) {
            JsonRpcErrors.send(ctx.response(), 503, JsonRpcErrors.TRANSPORT_ERROR,
                    "too many open sessions; end unused sessions with DELETE or retry later", request.id());
            return;
        }
        McpSchema.InitializeRequest initialize;
        try {
            initialize = json.convertValue(request.params(), INITIALIZE);
        } catch (IllegalArgumentException e) {
            JsonRpcErrors.send(ctx.response(), 400, -32602, "initialize params are invalid: " + JsonRpcMessageReader.rootMessage(e), request.id());
            return;
        }
        if (initialize == null || initialize.protocolVersion() == null) {
            JsonRpcErrors.send(ctx.response(), 400, -32602, "initialize params need protocolVersion, capabilities and clientInfo", request.id());
            return;
        }
        Principal owner = AuthenticationHandler.principal(ctx);
        if (owner == null) {
            LOG.error("initialize reached the transport unauthenticated; the router must run authentication first");
            JsonRpcErrors.send(ctx.response(), 500, JsonRpcErrors.INTERNAL_ERROR, "internal error", request.id());
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit init = sessionFactory.startSession(initialize);
        sessions.add(init.session(), owner, initialize.clientInfo());
        Context vertxContext = vertx.getOrCreateContext();
        init.initResult()
                .contextWrite(c -> c.put(McpTransportContext.KEY, transportContext))
                .subscribe(result -> vertxContext.runOnContext(v -> writeInitResult(ctx, request, init.session(), result)),
                        error -> vertxContext.runOnContext(v -> {
                            sessions.remove(init.session().getId());
                            LOG.error("initialize failed", error);
                            JsonRpcErrors.send(ctx.response(), 500, JsonRpcErrors.INTERNAL_ERROR, "initialize failed", request.id());
                        }));
    }

    private void writeInitResult(RoutingContext ctx, McpSchema.JSONRPCRequest request, McpStreamableServerSession session,
            McpSchema.InitializeResult result) {
        try {
            String body = json.writeValueAsString(McpSchema.JSONRPCResponse.result(request.id(), result));
            ctx.response().setStatusCode(200)
                    .putHeader("Content-Type", "application/json")
                    .putHeader(SESSION_HEADER, session.getId())
                    .end(body);
            Principal owner = AuthenticationHandler.principal(ctx);
            LOG.info("session {} started by {} ({} {})", session.getId(), owner.id(), clientName(request), ctx.request().remoteAddress());
            try {
                sessionListener.started(session.getId(), owner, sessions.clientOf(session.getId()).orElse(null));
            } catch (RuntimeException e) {
                LOG.error("session listener failed on the start of {}", session.getId(), e);
            }
        } catch (IOException e) {
            JsonRpcErrors.send(ctx.response(), 500, JsonRpcErrors.INTERNAL_ERROR, "initialize failed", request.id());
        }
    }

    /** Handles GET: opens the session's listening stream for server-initiated messages. */
    public void handleGet(RoutingContext ctx) {
        if (refuseWhenClosing(ctx)) {
            return;
        }
        if (!accepts(ctx.request().getHeader("Accept"), "text/event-stream")) {
            JsonRpcErrors.send(ctx, 406, JsonRpcErrors.TRANSPORT_ERROR, "Accept header must list text/event-stream");
            return;
        }
        McpStreamableServerSession session = requireSession(ctx);
        if (session == null) {
            return;
        }
        SseStream stream = new SseStream(ctx.response(), vertx.getOrCreateContext(), json, session.getId());
        stream.open();
        McpStreamableServerSession.McpStreamableServerSessionStream listening = session.listeningStream(stream);
        ctx.response().write(": stream open\n\n");
        long keepAlive = vertx.setPeriodic(20_000, id -> stream.keepAlive());
        ctx.response().closeHandler(v -> {
            vertx.cancelTimer(keepAlive);
            listening.close();
        });
    }

    /** Handles DELETE: ends the session; later requests with its id get 404. */
    public void handleDelete(RoutingContext ctx) {
        String id = ctx.request().getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            JsonRpcErrors.send(ctx, 400, JsonRpcErrors.TRANSPORT_ERROR, "Mcp-Session-Id header is required");
            return;
        }
        McpStreamableServerSession session = sessions.remove(id, AuthenticationHandler.principal(ctx)).orElse(null);
        if (session == null) {
            JsonRpcErrors.send(ctx, 404, JsonRpcErrors.TRANSPORT_ERROR, "session not found; it has ended or expired");
            return;
        }
        Context vertxContext = vertx.getOrCreateContext();
        McpTransportContext transportContext = contextExtractor.apply(ctx);
        session.delete()
                .contextWrite(c -> c.put(McpTransportContext.KEY, transportContext))
                .subscribe(null,
                        error -> vertxContext.runOnContext(v -> ctx.response().setStatusCode(200).end()),
                        () -> vertxContext.runOnContext(v -> ctx.response().setStatusCode(200).end()));
        LOG.info("session {} ended by client", id);
    }

    private McpStreamableServerSession requireSession(RoutingContext ctx) {
        String id = ctx.request().getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            JsonRpcErrors.send(ctx, 400, JsonRpcErrors.TRANSPORT_ERROR,
                    "Mcp-Session-Id header is required; send initialize first and reuse the id it returns");
            return null;
        }
        McpStreamableServerSession session = sessions.touch(id, AuthenticationHandler.principal(ctx)).orElse(null);
        if (session == null) {
            JsonRpcErrors.send(ctx, 404, JsonRpcErrors.TRANSPORT_ERROR, "session not found; it has ended or expired: initialize a new one");
        }
        return session;
    }

    private boolean refuseWhenClosing(RoutingContext ctx) {
        if (closing) {
            ctx.response().putHeader("Retry-After", "1");
            JsonRpcErrors.send(ctx, 503, JsonRpcErrors.TRANSPORT_ERROR, "server is shutting down; reconnect to another instance");
        }
        return closing;
    }

    private static boolean accepts(String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(java.util.Locale.ROOT);
        return lower.contains(mediaType) || lower.contains("*/*");
    }

    private static String clientName(McpSchema.JSONRPCRequest request) {
        Object params = request.params();
        if (params instanceof java.util.Map<?, ?> map && map.get("clientInfo") instanceof java.util.Map<?, ?> info) {
            return String.valueOf(info.get("name")) + "/" + info.get("version");
        }
        return "unknown client";
    }

    private void sweep() {
        sessions.expireIdle().forEach(s -> s.closeGracefully().subscribe(null, e -> LOG.debug("closing idle session", e)));
    }

    /** The principal that created session {@code sessionId}, while it is open. */
    public java.util.Optional<Principal> principalOf(String sessionId) {
        return sessions.ownerOf(sessionId);
    }

    /** The open sessions created by the principal with id {@code principalId} (for per-caller notifications). */
    public List<String> sessionsOf(String principalId) {
        return sessions.idsOf(principalId);
    }

    /** Every open session id with the principal that created it. */
    public java.util.Map<String, Principal> sessionPrincipals() {
        return sessions.owners();
    }

    /** Number of open sessions (for metrics and tests). */
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.all()).flatMap(s -> notify(s, method, params)).then();
    }

    /** A session without a listening stream cannot receive notifications; that is not an error. */
    private static Mono<Void> notify(McpStreamableServerSession session, String method, Object params) {
        return session.sendNotification(method, params).onErrorResume(e -> {
            LOG.debug("session {}: notification {} not delivered: {}", session.getId(), method, e.getMessage());
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> sessions.touch(sessionId)
                .map(s -> notify(s, method, params))
                .orElseGet(Mono::empty));
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.defer(() -> {
            closing = true;
            vertx.cancelTimer(sweepTimer);
            List<McpStreamableServerSession> all = sessions.clear();
            return Flux.fromIterable(all).flatMap(s -> s.closeGracefully().onErrorResume(e -> Mono.empty())).then();
        });
    }
}
