package dev.awsmcp.gateway.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * An idle pooled connection must not keep the last response it carried alive. The SDK's own Netty client is the
 * control: it does keep them (the reason {@link ResponseReleasingHttpClient} exists; if the control ever fails after an
 * SDK upgrade, the SDK stopped keeping them and the wrapper may go). The endpoint is a narrow fake of DynamoDB's Query
 * (the JDK's HTTP server answering one fixed page): moto's server closes some connections after a response, so whether a
 * connection stays pooled, which is what this is about, would be up to it. The handler's own rules are checked with a
 * recording stand-in for the SDK's handler.
 */
class ResponseReleasingHttpClientTest {

    private static final int CONCURRENT = 8;

    @Test
    void anIdleConnectionKeepsNoResponseAliveThroughTheGatewaysClients() throws Exception {
        try (QueryEndpoint endpoint = QueryEndpoint.start(); AwsClientFactory factory = new AwsClientFactory(CONCURRENT)) {
            DynamoDbAsyncClient ddb = factory.buildClient(DynamoDbAsyncClient.builder(), new ToolsetConfig("ddb", "test", Region.US_EAST_1,
                    endpoint.uri(), null));
            List<WeakReference<AttributeValue>> responses = queryConcurrently(ddb);
            assertThat(endpoint.connections()).as("connections the queries opened").isGreaterThan(1);
            assertThat(reachableAfterCollections(responses)).as("responses still reachable once every query finished").isZero();
            ddb.close();
        }
    }

    @Test
    void theSdksOwnNettyClientKeepsThemTheControl() throws Exception {
        try (QueryEndpoint endpoint = QueryEndpoint.start();
                SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().maxConcurrency(CONCURRENT).build();
                DynamoDbAsyncClient ddb = DynamoDbAsyncClient.builder().httpClient(http).region(Region.US_EAST_1)
                        .endpointOverride(endpoint.uri()).credentialsProvider(CREDENTIALS).build()) {
            List<WeakReference<AttributeValue>> responses = queryConcurrently(ddb);
            assertThat(reachableAfterCollections(responses)).as("responses the SDK's pooled connections keep").isPositive();
        }
    }

    @Test
    void theHandlerForwardsEverySignalUntilTheBodyEndsAndThenHoldsNothing() {
        RecordingHandler sdk = new RecordingHandler();
        ResponseReleasingHttpClient.ReleasingHandler handler = new ResponseReleasingHttpClient.ReleasingHandler(sdk);
        handler.onHeaders(SdkHttpResponse.builder().statusCode(200).build());
        List<Subscriber<? super ByteBuffer>> subscribers = new ArrayList<>();
        handler.onStream(subscribers::add);
        assertThat(sdk.events).containsExactly("headers 200", "stream");

        sdk.stream.subscribe(new RecordingSubscriber(sdk.events));
        Subscriber<? super ByteBuffer> body = subscribers.get(0);
        body.onSubscribe(new NoSubscription());
        body.onNext(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(handler.holdsResponse()).isTrue();
        body.onComplete();
        assertThat(handler.holdsResponse()).isFalse();
        body.onNext(ByteBuffer.wrap(new byte[] {4}));
        handler.onError(new IllegalStateException("late"));
        assertThat(sdk.events).containsExactly("headers 200", "stream", "subscribed", "3 bytes", "complete");
    }

    @Test
    void aFailedBodyOrRequestReachesTheSdkOnceAndReleasesIt() {
        RecordingHandler sdk = new RecordingHandler();
        ResponseReleasingHttpClient.ReleasingHandler handler = new ResponseReleasingHttpClient.ReleasingHandler(sdk);
        List<Subscriber<? super ByteBuffer>> subscribers = new ArrayList<>();
        handler.onHeaders(SdkHttpResponse.builder().statusCode(500).build());
        handler.onStream(subscribers::add);
        sdk.stream.subscribe(new RecordingSubscriber(sdk.events));
        subscribers.get(0).onError(new java.io.IOException("connection reset"));
        assertThat(handler.holdsResponse()).isFalse();
        subscribers.get(0).onComplete();

        RecordingHandler failed = new RecordingHandler();
        ResponseReleasingHttpClient.ReleasingHandler refused = new ResponseReleasingHttpClient.ReleasingHandler(failed);
        refused.onError(new java.net.ConnectException("refused"));
        refused.onError(new java.net.ConnectException("again"));
        assertThat(refused.holdsResponse()).isFalse();

        assertThat(sdk.events).containsExactly("headers 500", "stream", "body error connection reset");
        assertThat(failed.events).containsExactly("error refused");
    }

    /** Queries {@link #CONCURRENT} times at once, waits for every answer and returns a value of each. */
    private static List<WeakReference<AttributeValue>> queryConcurrently(DynamoDbAsyncClient ddb) throws Exception {
        List<CompletableFuture<QueryResponse>> queries = IntStream.range(0, CONCURRENT).mapToObj(i -> ddb.query(b -> b.tableName("orders")
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("order")))
                .overrideConfiguration(o -> o.credentialsProvider(CREDENTIALS)))).toList();
        List<WeakReference<AttributeValue>> responses = new ArrayList<>();
        for (CompletableFuture<QueryResponse> query : queries) {
            QueryResponse response = query.get(30, TimeUnit.SECONDS);
            assertThat(response.items()).hasSize(ITEMS);
            // The SDK hands over a copy of the response it unmarshalled (with the HTTP response added), sharing the values.
            responses.add(new WeakReference<>(response.items().get(ITEMS - 1).get("attribute9")));
        }
        return responses;
    }

    /** How many of {@code responses}' values are still reachable after full collections (asked for until none is, or ten times). */
    private static long reachableAfterCollections(List<WeakReference<AttributeValue>> responses) throws InterruptedException {
        long reachable = responses.size();
        for (int i = 0; i < 10 && reachable > 0; i++) {
            System.gc();
            Thread.sleep(50);
            reachable = responses.stream().filter(r -> r.get() != null).count();
        }
        return reachable;
    }

    private static final int ITEMS = 40;
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test"));

    /**
     * DynamoDB's Query as the JDK's HTTP server answers it: one page of {@link #ITEMS} items of 12 attributes to every
     * request, each after 100 ms so that concurrent queries each get a connection of their own; connections are kept alive.
     */
    private record QueryEndpoint(HttpServer server, java.util.Set<Object> peers) implements AutoCloseable {

        static QueryEndpoint start() throws java.io.IOException {
            StringBuilder page = new StringBuilder("{\"Count\":").append(ITEMS).append(",\"ScannedCount\":").append(ITEMS).append(",\"Items\":[");
            for (int i = 0; i < ITEMS; i++) {
                page.append(i == 0 ? "" : ",").append("{\"pk\":{\"S\":\"order\"},\"sk\":{\"S\":\"item-").append(i).append("\"}");
                for (int a = 0; a < 10; a++) {
                    page.append(",\"attribute").append(a).append("\":{\"S\":\"value ").append(a).append(" of item ").append(i).append("\"}");
                }
                page.append('}');
            }
            byte[] body = page.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            java.util.Set<Object> peers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(CONCURRENT));
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                peers.add(exchange.getRemoteAddress());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new QueryEndpoint(server, peers);
        }

        java.net.URI uri() {
            return java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        /** Client connections seen (by remote address). */
        int connections() {
            return peers.size();
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    /** Stands in for the SDK's response handler: records what reaches it. */
    private static final class RecordingHandler implements SdkAsyncHttpResponseHandler {
        final List<String> events = new ArrayList<>();
        Publisher<ByteBuffer> stream;

        @Override
        public void onHeaders(SdkHttpResponse headers) {
            events.add("headers " + headers.statusCode());
        }

        @Override
        public void onStream(Publisher<ByteBuffer> stream) {
            events.add("stream");
            this.stream = stream;
        }

        @Override
        public void onError(Throwable error) {
            events.add("error " + error.getMessage());
        }
    }

    private record RecordingSubscriber(List<String> events) implements Subscriber<ByteBuffer> {
        @Override
        public void onSubscribe(Subscription subscription) {
            events.add("subscribed");
        }

        @Override
        public void onNext(ByteBuffer part) {
            events.add(part.remaining() + " bytes");
        }

        @Override
        public void onError(Throwable error) {
            events.add("body error " + error.getMessage());
        }

        @Override
        public void onComplete() {
            events.add("complete");
        }
    }

    private static final class NoSubscription implements Subscription {
        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }
}
