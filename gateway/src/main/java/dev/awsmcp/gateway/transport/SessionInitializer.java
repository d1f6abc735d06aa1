package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.auth.AuthenticationHandler;
import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Answers {@code initialize}: checks the params, the principal's rate of session starts and the session
 * caps (in all, and per principal), starts the SDK session, stores it (the answer waits for the store),
 * and answers JSON with the {@code Mcp-Session-Id} header. A principal at its cap is refused rather than
 * having its oldest idle session ended for it: several agents often share one API key, and ending one
 * agent's session for another's new one would break it with a 404 it cannot explain.
 */
final class SessionInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(SessionInitializer.class);
    private static final TypeRef<McpSchema.InitializeRequest> INITIALIZE = new TypeRef<>() {
    };

    private final Vertx vertx;
    private final McpJsonMapper json;
    private final SessionRegistry sessions;
    private final SessionListener listener;
    private final Supplier<McpStreamableServerSession.Factory> factory;
    private final SessionStartRate starts;
    private final Duration idleTimeout;
    private final ThrottledWarnings warnings = new ThrottledWarnings();

    SessionInitializer(Vertx vertx, McpJsonMapper json, SessionRegistry sessions, SessionListener listener,
            Supplier<McpStreamableServerSession.Factory> factory, TransportLimits limits) {
        this.vertx = vertx;
        this.json = json;
        this.sessions = sessions;
        this.listener = listener;
        this.factory = factory;
        this.starts = new SessionStartRate(limits.sessionStartsPerMinute());
        this.idleTimeout = limits.sessionIdleTimeout();
    }

    void initialize(RoutingContext ctx, ClientMessage message, McpTransportContext transportContext) {
        JsonNode id = message.id();
        McpStreamableServerSession.Factory sessionFactory = factory.get();
        if (sessionFactory == null) {
            JsonRpcErrors.send(ctx.response(), 503, JsonRpcErrors.INTERNAL_ERROR, "server is starting; retry shortly", id);
            return;
        }
        McpSchema.InitializeRequest initialize = params(ctx, message);
        if (initialize == null) {
            return;
        }
        Principal owner = AuthenticationHandler.principal(ctx);
        if (owner == null) {
            LOG.error("initialize reached the transport unauthenticated; the router must run authentication first");
            JsonRpcErrors.send(ctx.response(), 500, JsonRpcErrors.INTERNAL_ERROR, "internal error", id);
            return;
        }
        OptionalLong wait = starts.acquire(owner.id());
        if (wait.isPresent()) {
            warnOnce(owner, "rate", "initialize refused: more than {} session starts this minute", starts.perMinute());
            ctx.response().putHeader("Retry-After", Long.toString(wait.getAsLong()));
            JsonRpcErrors.send(ctx.response(), 429, JsonRpcErrors.TRANSPORT_ERROR, "too many new sessions: at most " + starts.perMinute()
                    + " initialize requests per minute per principal (server.sessionStartsPerMinute); retry in " + wait.getAsLong()
                    + " s, and reuse sessions instead of starting one per request", id);
            return;
        }
        Context vertxContext = vertx.getOrCreateContext();
        sessions.reserve(owner).whenComplete((room, failure) -> vertxContext.runOnContext(v -> {
            if (failure != null) {
                storeFailed(ctx, id, failure);
            } else if (room == McpSessions.Room.RESERVED) {
                start(ctx, message, transportContext, sessionFactory, initialize, owner);
            } else {
                refuseFull(ctx, id, owner, room);
            }
        }));
    }

    private void refuseFull(RoutingContext ctx, JsonNode id, Principal owner, McpSessions.Room room) {
        if (room == McpSessions.Room.FULL) {
            LOG.warn("initialize by {} refused: this instance holds its maximum of {} sessions (server.maxSessions)", owner.id(),
                    sessions.local().maxSessions());
            JsonRpcErrors.send(ctx.response(), 503, JsonRpcErrors.TRANSPORT_ERROR, "too many open sessions on this gateway ("
                    + sessions.local().maxSessions() + ", server.maxSessions); end unused sessions with DELETE or retry later", id);
            return;
        }
        int cap = sessions.local().maxPerPrincipal();
        warnOnce(owner, "cap", "initialize refused: it holds its maximum of {} sessions (server.maxSessionsPerPrincipal)", cap);
        JsonRpcErrors.send(ctx.response(), 429, JsonRpcErrors.TRANSPORT_ERROR, "you hold " + cap
                + " open sessions, the most one principal may (server.maxSessionsPerPrincipal): end sessions you no longer use with "
                + "DELETE (idle ones end after " + describe(idleTimeout) + "), or ask the gateway operator to raise the limit", id);
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private void warnOnce(Principal owner, String limitName, String message, int limit) {
        if (warnings.first(limitName + " " + owner.id())) {
            LOG.warn("principal {}: " + message + " (repeats within a minute are not logged)", owner.id(), limit);
        }
    }

    private void start(RoutingContext ctx, ClientMessage message, McpTransportContext transportContext,
            McpStreamableServerSession.Factory sessionFactory, McpSchema.InitializeRequest initialize, Principal owner) {
        JsonNode id = message.id();
        McpStreamableServerSession.McpStreamableServerSessionInit init;
        try {
            init = sessionFactory.startSession(initialize);
        } catch (RuntimeException e) {
            sessions.local().release(owner.id());
            LOG.error("initialize failed", e);
            JsonRpcErrors.send(ctx.response(), 500, JsonRpcErrors.INTERNAL_ERROR, "initialize failed", id);
            return;
        }
        String sessionId = init.session().getId();
        Context vertxContext = vertx.getOrCreateContext();
        Mono.fromCompletionStage(() -> sessions.start(init.session(), owner, initialize))
                .onErrorMap(e -> new SessionStoreException(e))
                .then(init.initResult())
                .contextWrite(c -> c.put(McpTransportContext.KEY, new SessionTransportContext(transportContext, sessionId)))
                .subscribe(result -> vertxContext.runOnContext(v -> answer(ctx, message, sessionId, initialize.clientInfo(), result)),
                        error -> vertxContext.runOnContext(v -> {
                            sessions.local().remove(sessionId);
                            init.session().closeGracefully().subscribe(null, e -> LOG.debug("closing a failed session", e));
                            if (error instanceof SessionStoreException) {
                                storeFailed(ctx, id, error.getCause());
                            } else {
                                LOG.error("initialize failed", error);
                                JsonRpcErrors.send(ctx.response(), 500, JsonRpcErrors.INTERNAL_ERROR, "initialize failed", id);
                            }
                        }));
    }

    /** The params of initialize {@code message}, or null after a 400 naming what is wrong with them. */
    private McpSchema.InitializeRequest params(RoutingContext ctx, ClientMessage message) {
        String problem = McpRequestParams.problem(McpSchema.METHOD_INITIALIZE, message.params());
        if (problem == null) {
            try {
                return json.convertValue(((McpSchema.JSONRPCRequest) message.message()).params(), INITIALIZE);
            } catch (IllegalArgumentException e) {
                problem = McpRequestParams.bindingProblem(e);
            }
        }
        JsonRpcErrors.send(ctx.response(), 400, JsonRpcErrors.INVALID_PARAMS, "invalid initialize params: " + problem, message.id());
        return null;
    }

    private static void storeFailed(RoutingContext ctx, JsonNode id, Throwable failure) {
        LOG.warn("initialize: the session store failed: {}", failure.toString());
        ctx.response().putHeader("Retry-After", "1");
        JsonRpcErrors.send(ctx.response(), 503, JsonRpcErrors.INTERNAL_ERROR, "session store unavailable; retry shortly", id);
    }

    private void answer(RoutingContext ctx, ClientMessage message, String sessionId, McpSchema.Implementation client,
            McpSchema.InitializeResult result) {
        try {
            McpSchema.JSONRPCRequest request = (McpSchema.JSONRPCRequest) message.message();
            String body = ClientMessage.write(json, McpSchema.JSONRPCResponse.result(request.id(), result), message.id());
            ctx.response().setStatusCode(200)
                    .putHeader("Content-Type", "application/json")
                    .putHeader(StreamableHttpTransport.SESSION_HEADER, sessionId)
                    .end(body);
            Principal owner = AuthenticationHandler.principal(ctx);
            LOG.info("session {} started by {} ({} {})", sessionId, owner.id(), client == null ? "unknown client" : client.name() + "/" + client.version(),
                    ctx.request().remoteAddress());
            try {
                listener.started(sessionId, owner, client);
            } catch (RuntimeException e) {
                LOG.error("session listener failed on the start of {}", sessionId, e);
            }
        } catch (IOException e) {
            JsonRpcErrors.send(ctx.response(), 500, JsonRpcErrors.INTERNAL_ERROR, "initialize failed", message.id());
        }
    }

    /** The session store failed while a session started. */
    static final class SessionStoreException extends RuntimeException {
        SessionStoreException(Throwable cause) {
            super(cause);
        }
    }
}
