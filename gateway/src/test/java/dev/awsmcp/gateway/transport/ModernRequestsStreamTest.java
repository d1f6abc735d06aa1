package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.server.McpRequestManager;
import io.modelcontextprotocol.modern.server.McpTransportResponse;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A modern request's answer can reach the event loop, which starts writing its stream, before {@code handle} returned on the
 * worker thread that asked for it; the stream must still be written to its end (it once was cancelled right there, and
 * the client waited until the idle timeout cut the connection). The SDK's server answers too quickly to show that race
 * reliably, so its {@link McpRequestManager} (the boundary the transport talks to) is faked here: it answers a stream,
 * then keeps the worker a moment before returning.
 */
class ModernRequestsStreamTest {

    @Test
    @Timeout(20)
    void aStreamStartedBeforeHandleReturnedIsWrittenToItsEnd() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            JsonRpc.JSONRPCResponse answer = new JsonRpc.JSONRPCResponse("2.0", 1, Map.of("resultType", "complete", "content", java.util.List.of()),
                    null);
            McpRequestManager slowToReturn = new McpRequestManager() {
                @Override
                public Mono<McpTransportResponse> handle(McpTransportContext context, JsonRpc.JSONRPCRequest request) {
                    return Mono.create(sink -> {
                        sink.success(McpTransportResponse.streaming(Flux.<JsonRpc.JSONRPCMessage>just(answer)
                                .delaySubscription(Duration.ofMillis(800))));
                        try {
                            Thread.sleep(300); // the event loop starts the stream meanwhile; it answers after this returned
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }

                @Override
                public Mono<McpTransportResponse> handleBlocking(McpTransportContext context, JsonRpc.JSONRPCRequest request) {
                    return handle(context, request);
                }

                @Override
                public Mono<Void> handleNotification(McpTransportContext context, JsonRpc.JSONRPCNotification notification) {
                    return Mono.empty();
                }
            };
            ModernRequests modern = new ModernRequests(slowToReturn, new JacksonMcpJsonMapper(Json.mapper()), Duration.ofSeconds(10));
            WorkerExecutor posts = vertx.createSharedWorkerExecutor("test-request", 2);
            Router router = Router.router(vertx);
            // As the gateway's router does: the body is read, then the request handled on a worker thread.
            router.post("/mcp").handler(BodyHandler.create(false)).handler(ctx -> posts.executeBlocking(() -> {
                ClientMessage message = JsonRpcMessageReader.read(ctx);
                modern.handle(ctx, message, McpTransportContext.EMPTY, vertx.getOrCreateContext());
                return null;
            }));
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);

            HttpResponse<String> response = new McpHttp(URI.create("http://127.0.0.1:" + server.actualPort() + "/mcp"), null)
                    .modernCall("t__echo", "{}", "test");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(McpHttp.message(response).path("result").path("resultType").asText()).as(response.body()).isEqualTo("complete");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
