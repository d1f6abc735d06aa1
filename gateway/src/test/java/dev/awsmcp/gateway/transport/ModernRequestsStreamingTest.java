package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.mcp.McpServerFactory;
import dev.awsmcp.gateway.testing.GatewayHttp;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.server.McpRequestManager;
import io.modelcontextprotocol.modern.server.McpTransportResponse;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A streamed MCP 2026-07-28 answer that starts on the event loop before the request's worker thread has registered the
 * request's own subscription must still end. The gateway's POSTs run on a worker pool while answers are written on the
 * event loop; the interleaving is forced here with a hand-written server at the SDK's boundary ({@link McpRequestManager}):
 * it answers "streaming" and returns only once the transport subscribed to that stream. Before the fix, registering the
 * request's subscription then cancelled the stream: the response never ended (the client waited for the idle timeout).
 */
class ModernRequestsStreamingTest {

    @Test
    void aStreamStartedBeforeTheRequestsSubscriptionIsRegisteredStillEnds() throws Exception {
        CountDownLatch streamSubscribed = new CountDownLatch(1);
        McpRequestManager server = new McpRequestManager() {
            @Override
            public Mono<McpTransportResponse> handle(McpTransportContext context, JsonRpc.JSONRPCRequest request) {
                Flux<JsonRpc.JSONRPCMessage> answer = Flux.<JsonRpc.JSONRPCMessage>just(JsonRpc.JSONRPCResponse.result(request.id(),
                                Map.of("resultType", "complete")))
                        .delaySubscription(Duration.ofMillis(600))
                        .doOnSubscribe(s -> streamSubscribed.countDown());
                return Mono.create(sink -> {
                    sink.success(McpTransportResponse.streaming(answer));
                    try {
                        // The worker returns from subscribe() only after the event loop subscribed to the stream and kept
                        // that subscription (microseconds later; 200 ms is plenty).
                        streamSubscribed.await(5, TimeUnit.SECONDS);
                        Thread.sleep(200);
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
        ModernRequests modern = new ModernRequests(server, McpServerFactory.JSON, Duration.ofSeconds(20));
        Vertx vertx = Vertx.vertx();
        try {
            WorkerExecutor posts = vertx.createSharedWorkerExecutor("modern-requests-test", 2);
            Router router = Router.router(vertx);
            // As the gateway reads POSTs: on a worker pool, the transport answering on the request's Vert.x context.
            router.post("/mcp").handler(BodyHandler.create(false)).handler(ctx -> posts.executeBlocking(() -> {
                modern.handle(ctx, JsonRpcMessageReader.read(ctx), McpTransportContext.EMPTY, vertx.getOrCreateContext());
                return null;
            }, false));
            HttpServer http = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            HttpResponse<String> response = GatewayHttp.CLIENT.sendAsync(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + http.actualPort() + "/mcp"))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .header("MCP-Protocol-Version", ModernRequests.VERSION)
                            .header("Mcp-Method", "tools/list")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":"
                                    + "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}"))
                            .build(), HttpResponse.BodyHandlers.ofString())
                    .get(10, TimeUnit.SECONDS);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"resultType\":\"complete\"");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
