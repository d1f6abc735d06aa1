package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.auth.AuthenticationHandler;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.session.InMemorySessionStore;
import dev.awsmcp.gateway.session.SessionStore;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.modern.server.McpRequestManager;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MCP Streamable HTTP (spec 2025-11-25) on Vert.x, as a transport provider of the official SDK.
 * POST carries client messages (initialize answers JSON with {@code Mcp-Session-Id}; requests answer
 * with an SSE stream, except those {@link DirectAnswers} answers at once as JSON; notifications and responses answer 202); GET opens the session's listening
 * stream; DELETE ends the session. Handlers never block: SDK publishers and session-store futures are
 * subscribed, and every response write happens on the request's Vert.x context. Requests arrive
 * authenticated ({@link AuthenticationHandler} runs first); a session belongs to the principal that
 * initialized it, and its id presented by anyone else is answered like an unknown one (404). The
 * session id is the transport's (external) id: a session restored from a shared {@link SessionStore}
 * keeps it, while the SDK session under it is new ({@link SessionRegistry}); the SDK transport context
 * carries it under {@link #SESSION_ID_KEY}.
 */
public final class StreamableHttpTransport implements McpStreamableServerTransportProvider {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";
    /** Key of the external session id in the SDK transport context of session requests. */
    public static final String SESSION_ID_KEY = "dev.awsmcp.sessionId";
    /** Key of the W3C trace context of a request ({@code traceparent}: the HTTP header, or a modern request's {@code _meta}). */
    public static final String TRACEPARENT_KEY = "traceparent";
    private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpTransport.class);
    /**
     * Request bodies up to this size are read and dispatched on the event loop (microseconds of JSON); larger ones on
     * worker threads, so that a client sending large bodies cannot hold up the event loop.
     */
    public static final int INLINE_BODY_BYTES = 16 * 1024;

    private final Vertx vertx;
    private final McpJsonMapper json;
    private final SessionRegistry sessions;
    private final SessionInitializer initializer;
    private final Function<RoutingContext, McpTransportContext> contextExtractor;
    private final long sweepTimer;
    private final SessionMessages messages;
    private final Duration keepAlive;
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile ModernRequests modern;
    private volatile boolean closing;

    /**
     * Sessions in memory (one instance).
     *
     * @param contextExtractor builds the SDK transport context of a request (the authenticated caller)
     */
    public StreamableHttpTransport(Vertx vertx, McpJsonMapper json, TransportLimits limits,
            Function<RoutingContext, McpTransportContext> contextExtractor) {
        this(vertx, json, limits, contextExtractor, SessionListener.NONE, new InMemorySessionStore(limits.sessionIdleTimeout()));
    }

    /**
     * @param limits session caps, the idle timeout of local session copies, and the keep-alive of event streams
     * @param contextExtractor builds the SDK transport context of a request (the authenticated caller)
     * @param sessionListener hears of every session start and end
     * @param store where sessions live beyond this instance (not closed here)
     */
    public StreamableHttpTransport(Vertx vertx, McpJsonMapper json, TransportLimits limits,
            Function<RoutingContext, McpTransportContext> contextExtractor, SessionListener sessionListener, SessionStore store) {
        this.vertx = vertx;
        this.json = json;
        Duration idleTimeout = limits.sessionIdleTimeout();
        this.sessions = new SessionRegistry(new McpSessions(idleTimeout, limits.maxSessions(), limits.maxSessionsPerPrincipal(), System::nanoTime),
                store, sessionListener, json, Clock.systemUTC(), () -> sessionFactory);
        this.initializer = new SessionInitializer(vertx, json, sessions, sessionListener, () -> sessionFactory, limits);
        this.keepAlive = limits.streamKeepAlive();
        this.contextExtractor = contextExtractor;
        this.messages = new SessionMessages(json, keepAlive);
        long sweepEvery = Math.max(1000, Math.min(idleTimeout.toMillis() / 4, 60_000));
        this.sweepTimer = vertx.setPeriodic(sweepEvery, id -> sessions.sweep());
    }

    /**
     * Serves MCP 2026-07-28 requests on this endpoint too, statelessly, with {@code server} (the SDK's modern server);
     * 2025-11-25 sessions are unchanged ({@link ModernRequests#isModern} tells them apart per request).
     */
    public void serveModern(McpRequestManager server) {
        this.modern = new ModernRequests(server, json, keepAlive);
    }

    /** Every protocol version a request may name in {@code MCP-Protocol-Version}: the sessions' and, when served, the modern one. */
    public List<String> acceptedVersions() {
        return modern == null ? protocolVersions() : java.util.stream.Stream.concat(protocolVersions().stream(),
                java.util.stream.Stream.of(ModernRequests.VERSION)).toList();
    }

    /** Sets what sees every session request before the MCP server handles it. */
    public void interceptRequests(RequestInterceptor interceptor) {
        messages.interceptRequests(interceptor);
    }

    /** Sets what rewrites request results per caller before they are sent. */
    public void filterResponses(ResponseFilter filter) {
        messages.filterResponses(filter);
    }

    /** Sets what answers some session requests at once, without the MCP server (a ping, the caller's tool list). */
    public void answerDirectly(DirectAnswers answers) {
        messages.answerDirectly(answers);
    }

    /** The protocol versions of Streamable HTTP; the SDK negotiates among them and the header guard accepts them. */
    @Override
    public List<String> protocolVersions() {
        return HttpProtocolVersions.SUPPORTED;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * Handles POST: one JSON-RPC message per request (batches are not part of the 2025-11-25 protocol),
     * headers and body checked strictly ({@link MediaTypes}, {@link JsonRpcMessageReader}); a session's
     * messages may not name a protocol version newer than the one negotiated for it.
     */
    public void handlePost(RoutingContext ctx) {
        if (refuseWhenClosing(ctx)) {
            return;
        }
        String accept = ctx.request().getHeader("Accept");
        if (!MediaTypes.accepts(accept, "application/json") || !MediaTypes.accepts(accept, "text/event-stream")) {
            JsonRpcErrors.send(ctx, 406, JsonRpcErrors.TRANSPORT_ERROR,
                    "Accept header must list both application/json and text/event-stream");
            return;
        }
        MediaTypes.Refusal refusal = MediaTypes.bodyProblem(ctx.request());
        if (refusal != null) {
            JsonRpcErrors.send(ctx, refusal.status(), JsonRpcErrors.TRANSPORT_ERROR, refusal.message());
            return;
        }
        ClientMessage message = JsonRpcMessageReader.read(ctx);
        if (message == null) {
            return;
        }
        McpTransportContext requestContext = contextExtractor.apply(ctx);
        ModernRequests stateless = modern;
        if (stateless != null && ModernRequests.isModern(ctx, message)) {
            stateless.handle(ctx, message, requestContext, vertx.getOrCreateContext());
            return;
        }
        if (message.message() instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initializer.initialize(ctx, message, requestContext);
            return;
        }
        JsonNode echo = message.message() instanceof McpSchema.JSONRPCRequest ? message.id() : null;
        withSession(ctx, echo, (entry, vertxContext) ->
                messages.handle(ctx, message, entry, vertxContext, new SessionTransportContext(requestContext, entry.id())));
    }

    /** Handles GET: opens the session's listening stream for server-initiated messages (on this instance). */
    public void handleGet(RoutingContext ctx) {
        if (refuseWhenClosing(ctx)) {
            return;
        }
        if (!MediaTypes.accepts(ctx.request().getHeader("Accept"), "text/event-stream")) {
            JsonRpcErrors.send(ctx, 406, JsonRpcErrors.TRANSPORT_ERROR, "Accept header must list text/event-stream");
            return;
        }
        withSession(ctx, null, (entry, vertxContext) -> {
            if (ctx.response().closed()) {
                return;
            }
            SseStream stream = new SseStream(ctx.response(), vertxContext, json, entry.id());
            stream.open();
            McpStreamableServerSession.McpStreamableServerSessionStream listening = entry.session().listeningStream(stream);
            ctx.response().write(": stream open\n\n");
            stream.keepAliveEvery(keepAlive);
            ctx.response().closeHandler(v -> listening.close());
        });
    }

    /** Handles DELETE: ends the session on every instance; later requests with its id get 404. */
    public void handleDelete(RoutingContext ctx) {
        McpTransportContext requestContext = contextExtractor.apply(ctx);
        withSession(ctx, null, (entry, vertxContext) -> sessions.delete(entry).whenComplete((done, failure) -> {
            if (failure != null) {
                vertxContext.runOnContext(v -> storeUnavailable(ctx, failure));
                return;
            }
            LOG.info("session {} ended by client", entry.id());
            entry.session().delete()
                    .contextWrite(c -> c.put(McpTransportContext.KEY, new SessionTransportContext(requestContext, entry.id())))
                    .subscribe(null,
                            error -> vertxContext.runOnContext(v -> ctx.response().setStatusCode(200).end()),
                            () -> vertxContext.runOnContext(v -> ctx.response().setStatusCode(200).end()));
        }));
    }

    /**
     * Finds the caller's session of the request (restoring it from the store when this instance does
     * not hold it), checks the protocol version header against it, and continues on the request's Vert.x
     * context; answers 400, 404 or 503 itself, echoing {@code requestId} (null for none).
     */
    private void withSession(RoutingContext ctx, JsonNode requestId, BiConsumer<McpSessions.Entry, Context> then) {
        String id = ctx.request().getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            JsonRpcErrors.send(ctx.response(), 400, JsonRpcErrors.TRANSPORT_ERROR,
                    "Mcp-Session-Id header is required; send initialize first and reuse the id it returns", requestId);
            return;
        }
        if (sessionFactory == null) {
            JsonRpcErrors.send(ctx, 503, JsonRpcErrors.INTERNAL_ERROR, "server is starting; retry shortly");
            return;
        }
        Context vertxContext = vertx.getOrCreateContext();
        sessions.resolve(id, AuthenticationHandler.principal(ctx)).whenComplete((found, failure) -> vertxContext.runOnContext(v -> {
            if (failure != null) {
                storeUnavailable(ctx, failure);
            } else if (found.isEmpty()) {
                JsonRpcErrors.send(ctx.response(), 404, JsonRpcErrors.TRANSPORT_ERROR,
                        "session not found; it has ended or expired: initialize a new one", requestId);
            } else if (negotiatedVersion(ctx, found.get(), requestId)) {
                then.accept(found.get(), vertxContext);
            }
        }));
    }

    /**
     * Whether the request's protocol version header fits the session: absent, or a served version no newer
     * than the one negotiated (a newer one would name features the session did not negotiate; an older one
     * is served, and the official conformance suite sends one); answers 400 when not.
     */
    private static boolean negotiatedVersion(RoutingContext ctx, McpSessions.Entry entry, JsonNode requestId) {
        String version = ctx.request().getHeader(PROTOCOL_VERSION_HEADER);
        if (version == null || version.compareTo(entry.protocolVersion()) <= 0) {
            return true;
        }
        JsonRpcErrors.send(ctx.response(), 400, JsonRpcErrors.TRANSPORT_ERROR, PROTOCOL_VERSION_HEADER + " " + version
                + " is newer than the version negotiated for this session (" + entry.protocolVersion() + "); send that one", requestId);
        return false;
    }

    /** The store could not say whether the session lives: refuse (fail closed) and let the client retry. */
    private static void storeUnavailable(RoutingContext ctx, Throwable failure) {
        LOG.warn("session store unavailable for {} {}: {}", ctx.request().method(), ctx.request().path(), failure.toString());
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader("Retry-After", "1");
        }
        JsonRpcErrors.send(ctx, 503, JsonRpcErrors.TRANSPORT_ERROR, "session store unavailable; retry shortly");
    }

    private boolean refuseWhenClosing(RoutingContext ctx) {
        if (closing) {
            ctx.response().putHeader("Retry-After", "1");
            JsonRpcErrors.send(ctx, 503, JsonRpcErrors.TRANSPORT_ERROR, "server is shutting down; reconnect to another instance");
        }
        return closing;
    }

    /** The principal that created session {@code sessionId}, while this instance holds it. */
    public Optional<Principal> principalOf(String sessionId) {
        return sessions.local().ownerOf(sessionId);
    }

    /** The sessions held here created by the principal with id {@code principalId} (for per-caller notifications). */
    public List<String> sessionsOf(String principalId) {
        return sessions.local().idsOf(principalId);
    }

    /** Every session id held here with the principal that created it. */
    public Map<String, Principal> sessionPrincipals() {
        return sessions.local().owners();
    }

    /** Number of sessions held here (for metrics and tests). */
    public int sessionCount() {
        return sessions.local().size();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.local().all()).flatMap(e -> notify(e, method, params)).then();
    }

    /** A session without a listening stream cannot receive notifications; that is not an error. */
    private static Mono<Void> notify(McpSessions.Entry entry, String method, Object params) {
        return entry.session().sendNotification(method, params).onErrorResume(e -> {
            LOG.debug("session {}: notification {} not delivered: {}", entry.id(), method, e.getMessage());
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> sessions.local().touch(sessionId)
                .map(e -> notify(e, method, params))
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
