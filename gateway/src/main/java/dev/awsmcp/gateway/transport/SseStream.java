package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One Server-Sent Events stream of a Streamable HTTP session (the response to one POST, or the GET
 * listening stream). The SDK may call it from any thread; every write hops back to the Vert.x context
 * that owns the response. Messages sent after the client went away are dropped, never thrown.
 */
final class SseStream implements McpStreamableServerTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);

    private final HttpServerResponse response;
    private final Context context;
    private final McpJsonMapper json;
    private final String sessionId;
    private final java.util.function.UnaryOperator<Object> results;
    private final JsonNode requestId;
    private volatile boolean closed;
    private volatile boolean responded;

    /** The keep-alive timer, or -1; set and cancelled on the response's context. */
    private long keepAlive = -1;

    /** A listening stream (GET). */
    SseStream(HttpServerResponse response, Context context, McpJsonMapper json, String sessionId) {
        this(response, context, json, sessionId, java.util.function.UnaryOperator.identity(), null);
    }

    /**
     * The stream answering one request, whose id is {@code requestId} exactly as the client sent it; response
     * results pass through {@code results} first (per-caller filtering).
     */
    SseStream(HttpServerResponse response, Context context, McpJsonMapper json, String sessionId,
            java.util.function.UnaryOperator<Object> results, JsonNode requestId) {
        this.response = response;
        this.context = context;
        this.json = json;
        this.sessionId = sessionId;
        this.results = results;
        this.requestId = requestId;
    }

    /** Writes the SSE response head; call on the response's context before any message. */
    void open() {
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache, no-transform")
                .putHeader("X-Accel-Buffering", "no")
                .putHeader(StreamableHttpTransport.SESSION_HEADER, sessionId);
        response.closeHandler(v -> closed = true);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return Mono.create(sink -> {
            Buffer event;
            try {
                if (message instanceof McpSchema.JSONRPCResponse r) {
                    responded = true;
                    event = MessageBytes.event(json, r.result() != null
                            ? new McpSchema.JSONRPCResponse(r.jsonrpc(), r.id(), results.apply(r.result()), r.error())
                            : withoutInternals(r), r.id(), requestId, messageId);
                } else {
                    event = MessageBytes.event(json, message, null, null, messageId);
                }
            } catch (IOException e) {
                sink.error(e);
                return;
            }
            context.runOnContext(v -> write(event, sink));
        });
    }

    /**
     * An internal error the SDK made of an exception carries that exception's message (Java class names):
     * the client gets a plain one, the log the original, on one line.
     */
    private McpSchema.JSONRPCResponse withoutInternals(McpSchema.JSONRPCResponse response) {
        if (response.error() == null || response.error().code() != JsonRpcErrors.INTERNAL_ERROR) {
            return response;
        }
        LOG.warn("session {}: request {} failed in the MCP server: {}", sessionId, response.id(),
                JsonRpcErrors.printable(response.error().message(), 300));
        return McpSchema.JSONRPCResponse.error(response.id(), new McpSchema.JSONRPCResponse.JSONRPCError(JsonRpcErrors.INTERNAL_ERROR,
                "internal error: the gateway could not process this request; its log has the details", null));
    }

    /** Whether a response went out on this stream. */
    boolean responded() {
        return responded;
    }

    /** Answers the request of this stream with a JSON-RPC error, then ends the stream. */
    Mono<Void> answerError(Object sdkId, int code, String message) {
        return sendMessage(McpSchema.JSONRPCResponse.error(sdkId, new McpSchema.JSONRPCResponse.JSONRPCError(code, message, null)))
                .then(closeGracefully());
    }

    private void write(Buffer event, reactor.core.publisher.MonoSink<Void> sink) {
        if (closed || response.ended() || response.closed()) {
            LOG.debug("session {}: client went away, message dropped", sessionId);
            sink.success();
            return;
        }
        response.write(event).onComplete(ar -> sink.success());
    }

    /**
     * Sends an SSE comment every {@code interval} until the stream ends, so that no idle timeout (the
     * listener's, or a proxy's) closes a stream waiting for its next message; call on the response's context.
     */
    void keepAliveEvery(Duration interval) {
        keepAlive = context.owner().setPeriodic(interval.toMillis(), timer -> {
            if (closed || response.ended() || response.closed()) {
                context.owner().cancelTimer(timer);
            } else {
                response.write(": keep-alive\n\n");
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.create(sink -> context.runOnContext(v -> {
            end();
            sink.success();
        }));
    }

    @Override
    public void close() {
        context.runOnContext(v -> end());
    }

    private void end() {
        closed = true;
        if (keepAlive >= 0) {
            context.owner().cancelTimer(keepAlive);
        }
        if (!response.ended() && !response.closed()) {
            response.end();
        }
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }
}
