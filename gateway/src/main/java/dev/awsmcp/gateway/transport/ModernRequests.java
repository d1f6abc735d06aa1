package dev.awsmcp.gateway.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.http.JsonRpcErrors;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.server.McpHeaders;
import io.modelcontextprotocol.modern.server.McpRequestManager;
import io.modelcontextprotocol.modern.server.McpTransportResponse;
import io.modelcontextprotocol.modern.server.transport.McpHeaderDecoder;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;

/**
 * MCP 2026-07-28 ("modern", stateless) requests on the same endpoint as the 2025-11-25 sessions: a POST whose
 * {@code _meta} names a protocol version (or whose {@code MCP-Protocol-Version} header names the modern one, outside
 * any session) is served here by the SDK's modern server, on any instance, without a session. The transport's part
 * (the spec's Streamable HTTP "Request Metadata" and "Cancellation"): {@code Mcp-Method}, {@code Mcp-Name} and
 * {@code MCP-Protocol-Version} must match the body (400 with HeaderMismatch -32020 otherwise); an error answers with
 * the status the spec gives its code; a streamed answer is SSE with keep-alive comments; the client closing the
 * response cancels the request (the pipeline stops the toolset's AWS work and audits the call {@code cancelled}).
 */
final class ModernRequests {

    /** The revision served here. */
    static final String VERSION = "2026-07-28";
    static final String PROTOCOL_VERSION_META = "io.modelcontextprotocol/protocolVersion";
    static final int HEADER_MISMATCH = -32020;
    private static final Logger LOG = LoggerFactory.getLogger(ModernRequests.class);
    /** The HTTP status of an error answer, by JSON-RPC code (as the SDK's servlet transport maps them). */
    private static final Map<Integer, Integer> STATUS = Map.of(-32700, 400, -32600, 400, -32602, 400, HEADER_MISMATCH, 400,
            -32021, 400, -32022, 400, -32601, 404);

    private final McpRequestManager server;
    private final McpJsonMapper json;
    private final Duration keepAlive;

    ModernRequests(McpRequestManager server, McpJsonMapper json, Duration keepAlive) {
        this.server = server;
        this.json = json;
        this.keepAlive = keepAlive;
    }

    /**
     * Whether {@code message} is a modern request: its {@code _meta} names a protocol version, or, outside a session and
     * not an {@code initialize}, the {@code MCP-Protocol-Version} header names the modern revision (the server then asks
     * for the missing {@code _meta}). Everything else keeps the 2025-11-25 semantics.
     */
    static boolean isModern(RoutingContext ctx, ClientMessage message) {
        if (metaVersion(message.params()) != null) {
            return true;
        }
        String header = ctx.request().getHeader(StreamableHttpTransport.PROTOCOL_VERSION_HEADER);
        return VERSION.equals(header) && ctx.request().getHeader(StreamableHttpTransport.SESSION_HEADER) == null
                && !(message.message() instanceof io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest request
                        && "initialize".equals(request.method()));
    }

    /** Serves {@code message} for the caller in {@code caller} on {@code vertxContext}. */
    void handle(RoutingContext ctx, ClientMessage message, McpTransportContext caller, Context vertxContext) {
        if (!(message.message() instanceof io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest request)) {
            if (message.message() instanceof io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification) {
                // A modern client sends no notifications over HTTP (cancellation is closing the response): accepted, ignored.
                ctx.response().setStatusCode(202).end();
            } else {
                JsonRpcErrors.send(ctx.response(), 400, JsonRpcErrors.INVALID_REQUEST, "a 2026-07-28 client sends requests only; "
                        + "responses to the server belong to 2025-11-25 sessions", null);
            }
            return;
        }
        String mismatch = headerMismatch(ctx, request.method(), message.params());
        if (mismatch != null) {
            JsonRpcErrors.send(ctx.response(), 400, HEADER_MISMATCH, "Header mismatch: " + mismatch, message.id());
            return;
        }
        Map<String, Object> added = new HashMap<>();
        added.put(McpHeaders.TRANSPORT_CONTEXT_KEY, McpHeaderDecoder.headers(headers(ctx)));
        String traceparent = traceparent(ctx, message.params());
        if (traceparent != null) {
            added.put(StreamableHttpTransport.TRACEPARENT_KEY, traceparent);
        }
        JsonRpc.JSONRPCRequest modern = new JsonRpc.JSONRPCRequest(request.method(), request.id(), request.params());
        HttpServerResponse response = ctx.response();
        // Both subscriptions (the request's, then its stream's) stay in one composite: the answer is written on the event
        // loop, possibly before this worker thread added the first, and a swap would then dispose the stream it replaced.
        Disposable.Composite work = Disposables.composite();
        // The client closing the response before it ended is the request's cancellation.
        response.closeHandler(v -> {
            if (!work.isDisposed()) {
                LOG.debug("client closed the response to {} {}: cancelled", request.method(), message.idKey());
                work.dispose();
            }
        });
        work.add(server.handle(caller.putAll(added), modern).subscribe(
                answer -> vertxContext.runOnContext(v -> write(response, answer, message.id(), work, vertxContext)),
                failure -> vertxContext.runOnContext(v -> {
                    LOG.error("modern request {} failed", request.method(), failure);
                    if (!response.ended() && !response.closed()) {
                        JsonRpcErrors.send(response, 500, JsonRpcErrors.INTERNAL_ERROR, "internal error", message.id());
                    }
                })));
    }

    private void write(HttpServerResponse response, McpTransportResponse answer, JsonNode exactId, Disposable.Composite work,
            Context vertxContext) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (answer instanceof McpTransportResponse.Result result) {
            writeJson(response, result.response(), exactId);
        } else if (answer instanceof McpTransportResponse.Error error) {
            writeJson(response, error.response(), exactId);
        } else if (answer instanceof McpTransportResponse.Streaming streaming) {
            response.setStatusCode(200).setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .putHeader("Cache-Control", "no-cache, no-transform")
                    .putHeader("X-Accel-Buffering", "no");
            response.writeHead();
            Flux<Buffer> frames = streaming.messages().map(m -> frame(m, exactId));
            Flux<Buffer> kept = frames.publish(shared -> shared.mergeWith(Flux.interval(keepAlive).onBackpressureDrop()
                    .map(tick -> Buffer.buffer(":\n\n")).takeUntilOther(shared.then())));
            work.add(kept.subscribe(
                    frame -> vertxContext.runOnContext(v -> {
                        if (!response.ended() && !response.closed()) {
                            response.write(frame);
                        }
                    }),
                    failure -> vertxContext.runOnContext(v -> end(response)),
                    () -> vertxContext.runOnContext(v -> end(response))));
        }
    }

    private static void end(HttpServerResponse response) {
        if (!response.ended() && !response.closed()) {
            response.end();
        }
    }

    private void writeJson(HttpServerResponse response, JsonRpc.JSONRPCResponse answer, JsonNode exactId) {
        int status = answer.error() == null ? 200 : STATUS.getOrDefault(answer.error().code(), 200);
        Buffer body;
        try {
            body = MessageBytes.json(json, answer, answer.id(), exactId);
        } catch (IOException e) {
            throw new IllegalStateException("a modern answer could not be serialized", e);
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    private Buffer frame(JsonRpc.JSONRPCMessage message, JsonNode exactId) {
        try {
            return MessageBytes.event(json, message, message instanceof JsonRpc.JSONRPCResponse answer ? answer.id() : null, exactId,
                    null);
        } catch (IOException e) {
            throw new IllegalStateException("a modern answer could not be serialized", e);
        }
    }

    /** The spec's header checks; null when the headers match the body. */
    private static String headerMismatch(RoutingContext ctx, String method, JsonNode params) {
        List<String> methods = ctx.request().headers().getAll("Mcp-Method");
        if (methods.size() != 1) {
            return methods.isEmpty() ? "the Mcp-Method header is required; send the request's method in it"
                    : "send one Mcp-Method header, not " + methods.size();
        }
        if (!methods.get(0).equals(method)) {
            return "Mcp-Method '" + methods.get(0) + "' does not match the body's method '" + method + "'";
        }
        String claimed = metaVersion(params);
        List<String> versions = ctx.request().headers().getAll(StreamableHttpTransport.PROTOCOL_VERSION_HEADER);
        if (claimed != null && (versions.size() != 1 || !versions.get(0).equals(claimed))) {
            return "MCP-Protocol-Version must be sent once and equal _meta's protocol version '" + claimed + "'";
        }
        String nameField = switch (method) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            // The tasks extension routes its requests by task ("Streamable HTTP: Routing Headers").
            case "tasks/get", "tasks/update", "tasks/cancel" -> "taskId";
            default -> null;
        };
        if (nameField == null || params == null || !params.path(nameField).isTextual()) {
            return null;
        }
        List<String> names = ctx.request().headers().getAll("Mcp-Name");
        String decoded = names.size() == 1 ? McpHeaderDecoder.decodeValue(names.get(0)) : null;
        if (decoded == null) {
            return "send one Mcp-Name header with the request's params." + nameField;
        }
        return decoded.equals(params.get(nameField).textValue()) ? null
                : "Mcp-Name does not match the body's params." + nameField;
    }

    private static String metaVersion(JsonNode params) {
        JsonNode version = params == null ? null : params.path("_meta").get(PROTOCOL_VERSION_META);
        return version != null && version.isTextual() && !version.textValue().isBlank() ? version.textValue() : null;
    }

    /** The W3C trace context of the request: {@code _meta.traceparent}, else the {@code traceparent} header. */
    private static String traceparent(RoutingContext ctx, JsonNode params) {
        JsonNode meta = params == null ? null : params.path("_meta").get(StreamableHttpTransport.TRACEPARENT_KEY);
        return meta != null && meta.isTextual() ? meta.textValue() : ctx.request().getHeader(StreamableHttpTransport.TRACEPARENT_KEY);
    }

    private static HeaderAccessor headers(RoutingContext ctx) {
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return ctx.request().headers().getAll(name);
            }

            @Override
            public List<String> getHeaderNames() {
                return new ArrayList<>(ctx.request().headers().names());
            }
        };
    }
}
