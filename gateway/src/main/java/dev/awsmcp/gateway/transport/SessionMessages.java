package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import dev.awsmcp.gateway.auth.AuthenticationHandler;
import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * One client message within its session. A request gets exactly one JSON-RPC response on its own SSE
 * stream: its params are checked first ({@link McpRequestParams}; a refusal is -32602, and the request
 * interceptor hears of it, so that a refused tools/call is audited), then the interceptor and the SDK
 * handle it; should the SDK fail without answering, the client still gets an internal error. A
 * notification or a response is acknowledged with 202 Accepted whatever becomes of it: the gateway
 * handles {@code notifications/cancelled} itself, passes {@code notifications/initialized} to the SDK,
 * and ignores other notifications (it uses no roots) and responses to no pending request.
 */
final class SessionMessages {

    private static final Logger LOG = LoggerFactory.getLogger(SessionMessages.class);

    private final McpJsonMapper json;
    private final java.time.Duration keepAlive;
    private final RequestsInFlight requests = new RequestsInFlight();
    private volatile RequestInterceptor interceptor = RequestInterceptor.NONE;
    private volatile ResponseFilter responses = ResponseFilter.NONE;
    private volatile DirectAnswers direct = DirectAnswers.NONE;

    /** @param keepAlive how often an answer's event stream carries a keep-alive comment */
    SessionMessages(McpJsonMapper json, java.time.Duration keepAlive) {
        this.json = json;
        this.keepAlive = keepAlive;
    }

    void interceptRequests(RequestInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    void filterResponses(ResponseFilter filter) {
        this.responses = filter;
    }

    void answerDirectly(DirectAnswers answers) {
        this.direct = answers;
    }

    /** Handles {@code message} of session {@code entry}; runs on the request's Vert.x context. */
    void handle(RoutingContext ctx, ClientMessage message, McpSessions.Entry entry, Context vertxContext, McpTransportContext transportContext) {
        if (message.message() instanceof McpSchema.JSONRPCRequest request) {
            request(ctx, message, request, entry, vertxContext, transportContext);
        } else if (message.message() instanceof McpSchema.JSONRPCNotification notification) {
            notification(ctx, notification, entry, vertxContext, transportContext);
        } else {
            entry.session().accept((McpSchema.JSONRPCResponse) message.message())
                    .contextWrite(c -> c.put(McpTransportContext.KEY, transportContext))
                    .subscribe(null, error -> {
                        LOG.debug("session {}: a response to no pending request ({}) ignored", entry.id(), error.getMessage());
                        accepted(ctx, vertxContext);
                    }, () -> accepted(ctx, vertxContext));
        }
    }

    private void request(RoutingContext ctx, ClientMessage message, McpSchema.JSONRPCRequest request, McpSessions.Entry entry,
            Context vertxContext, McpTransportContext transportContext) {
        Principal caller = AuthenticationHandler.principal(ctx);
        String problem = McpRequestParams.problem(request.method(), message.params());
        byte[] prepared = problem == null ? direct.result(request.method(), message.params(), caller) : null;
        if (prepared != null) {
            String head = "{\"jsonrpc\":\"2.0\",\"id\":" + message.id() + ",\"result\":";
            ctx.response().putHeader("Content-Type", "application/json").putHeader(StreamableHttpTransport.SESSION_HEADER, entry.id())
                    .end(Buffer.buffer(head.length() + prepared.length + 1).appendString(head).appendBytes(prepared).appendByte((byte) '}'));
            return;
        }
        SseStream stream = new SseStream(ctx.response(), vertxContext, json, entry.id(),
                result -> responses.filter(request.method(), caller, result), message.id());
        stream.open();
        stream.keepAliveEvery(keepAlive);
        Mono<Void> answer = problem == null
                ? Mono.defer(() -> interceptor.before(request, entry.id(), caller, entry.client()))
                        .then(Mono.defer(() -> entry.session().responseStream(request, stream)))
                : Mono.defer(() -> interceptor.refused(request, problem, entry.id(), caller, entry.client()))
                        .then(Mono.defer(() -> stream.answerError(request.id(), JsonRpcErrors.INVALID_PARAMS, "invalid params: " + problem)));
        String key = message.idKey();
        Mono<Void> started = answer.contextWrite(c -> c.put(McpTransportContext.KEY, transportContext));
        // The SDK converts the params as it dispatches: a large body (up to server.maxRequestBytes) off the event loop;
        // a small one converts in microseconds, less than the two thread hops would cost.
        if (ctx.body() != null && ctx.body().length() > StreamableHttpTransport.INLINE_BODY_BYTES) {
            started = started.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
        }
        Disposable processing = started
                .doFinally(signal -> requests.finished(entry.id(), key))
                .subscribe(null, error -> failed(entry.id(), request, stream, error));
        if (!processing.isDisposed()) {
            requests.started(entry.id(), key, processing, stream);
        }
    }

    /** The request failed without an answer (a bug, not the client's doing): the client still gets one. */
    private static void failed(String sessionId, McpSchema.JSONRPCRequest request, SseStream stream, Throwable error) {
        LOG.error("session {}: request {} ({}) failed in the transport", sessionId, request.id(), request.method(), error);
        if (stream.responded()) {
            stream.close();
            return;
        }
        stream.answerError(request.id(), JsonRpcErrors.INTERNAL_ERROR, "internal error: the gateway could not process this request; "
                + "its log has the details").subscribe(null, e -> stream.close());
    }

    private void notification(RoutingContext ctx, McpSchema.JSONRPCNotification notification, McpSessions.Entry entry, Context vertxContext,
            McpTransportContext transportContext) {
        switch (notification.method()) {
            case "notifications/cancelled" -> {
                // Handled here: the SDK has no cancellation (it would only log the notification as unknown).
                cancel(entry.id(), notification);
                accepted(ctx, vertxContext);
            }
            case McpSchema.METHOD_NOTIFICATION_INITIALIZED -> entry.session().accept(notification)
                    .contextWrite(c -> c.put(McpTransportContext.KEY, transportContext))
                    .subscribe(null, error -> {
                        LOG.warn("session {}: notifications/initialized failed in the MCP server: {}", entry.id(), error.toString());
                        accepted(ctx, vertxContext);
                    }, () -> accepted(ctx, vertxContext));
            default -> {
                LOG.debug("session {}: notification {} ignored", entry.id(), notification.method());
                accepted(ctx, vertxContext);
            }
        }
    }

    /** A client gave up on one of its requests: stop it, and send no response for it. */
    private void cancel(String sessionId, McpSchema.JSONRPCNotification notification) {
        Object requestId = notification.params() instanceof Map<?, ?> params ? params.get("requestId") : null;
        if (requestId != null && requests.cancel(sessionId, ClientMessage.key(requestId))) {
            LOG.info("session {}: request {} cancelled by the client", sessionId, requestId);
        } else {
            LOG.debug("session {}: cancellation of request {} that is not running", sessionId, requestId);
        }
    }

    private static void accepted(RoutingContext ctx, Context vertxContext) {
        vertxContext.runOnContext(v -> {
            if (!ctx.response().ended() && !ctx.response().closed()) {
                ctx.response().setStatusCode(202).end();
            }
        });
    }
}
