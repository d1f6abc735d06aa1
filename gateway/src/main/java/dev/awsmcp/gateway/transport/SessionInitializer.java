package dev.awsmcp.gateway.transport;

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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Answers {@code initialize}: checks the params and the session cap, starts the SDK session, stores
 * it (the answer waits for the store), and answers JSON with the {@code Mcp-Session-Id} header.
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

    SessionInitializer(Vertx vertx, McpJsonMapper json, SessionRegistry sessions, SessionListener listener,
            Supplier<McpStreamableServerSession.Factory> factory) {
        this.vertx = vertx;
        this.json = json;
        this.sessions = sessions;
        this.listener = listener;
        this.factory = factory;
    }

    void initialize(RoutingContext ctx, ClientMessage message, McpTransportContext transportContext) {
        JsonNode id = message.id();
        McpStreamableServerSession.Factory sessionFactory = factory.get();
        if (sessionFactory == null) {
            JsonRpcErrors.send(ctx.response(), 503, JsonRpcErrors.INTERNAL_ERROR, "server is starting; retry shortly", id);
            return;
        }
        if (!sessions.local().hasRoom()) {
            JsonRpcErrors.send(ctx.response(), 503, JsonRpcErrors.TRANSPORT_ERROR,
                    "too many open sessions; end unused sessions with DELETE or retry later", id);
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
        McpStreamableServerSession.McpStreamableServerSessionInit init = sessionFactory.startSession(initialize);
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
                                LOG.warn("initialize: the session store failed: {}", error.getCause().toString());
                                ctx.response().putHeader("Retry-After", "1");
                                JsonRpcErrors.send(ctx.response(), 503, JsonRpcErrors.INTERNAL_ERROR,
                                        "session store unavailable; retry shortly", id);
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
