package dev.awsmcp.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server's request series with meters bound once: the same series, labels and counts as vertx-micrometer's own
 * implementation for the same traffic, on real Vert.x servers and a real HTTP client.
 */
class HttpServerRequestMetersTest {

    /** The same requests against a server metered by {@code factory}; the scrape's vertx_http_server series, without values of time. */
    private static List<String> serverSeries(VertxMetricsFactory factory, MicrometerMetricsOptions options, PrometheusMeterRegistry registry)
            throws Exception {
        Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(options)).withMetrics(factory).build();
        String scrape;
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                switch (request.path()) {
                    case "/ok" -> request.response().end("ok:" + body.length());
                    case "/missing" -> request.response().setStatusCode(404).end("no such thing");
                    default -> request.response().setStatusCode(202).end();
                }
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpClient client = vertx.createHttpClient();
            int port = server.actualPort();
            send(client, port, HttpMethod.POST, "/ok", "{\"jsonrpc\":\"2.0\"}");
            send(client, port, HttpMethod.POST, "/ok", "x".repeat(5000));
            send(client, port, HttpMethod.GET, "/missing", null);
            send(client, port, HttpMethod.DELETE, "/gone", null);
            send(client, port, HttpMethod.POST, "/accepted", "{}");
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            // A request whose connection closes before its body has arrived: reset.
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.getOutputStream().write("POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                Thread.sleep(100);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!registry.scrape().contains("vertx_http_server_request_resets_total{method=\"POST\"} 1.0") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            scrape = registry.scrape();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        return Stream.of(scrape.split("\n"))
                .filter(line -> line.startsWith("vertx_http_server_") || line.startsWith("# HELP vertx_http_server_")
                        || line.startsWith("# TYPE vertx_http_server_"))
                .filter(line -> !line.contains("_seconds_sum") && !line.contains("_seconds_max"))
                .filter(line -> !line.startsWith("vertx_http_server_active_connections") && !line.startsWith("vertx_http_server_bytes"))
                .sorted()
                .collect(Collectors.toList());
    }

    private static void send(HttpClient client, int port, HttpMethod method, String path, String body) throws Exception {
        client.request(new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path))
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(HttpClientResponse::body)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static MicrometerMetricsOptions options() {
        return new MicrometerMetricsOptions().setEnabled(true).setRegistryName("test-" + UUID.randomUUID());
    }

    @Test
    void recordsWhatVertxMicrometerRecordsForTheSameRequests() throws Exception {
        PrometheusMeterRegistry theirs = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PrometheusMeterRegistry ours = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerMetricsOptions theirOptions = options();
        MicrometerMetricsOptions ourOptions = options();

        List<String> expected = serverSeries(new MicrometerMetricsFactory(theirs), theirOptions, theirs);
        List<String> actual = serverSeries(HttpServerRequestMeters.factory(ours, ourOptions), ourOptions, ours);

        assertThat(expected).as("vertx-micrometer's own series").isNotEmpty()
                .anyMatch(line -> line.startsWith("vertx_http_server_requests_total{code=\"200\",method=\"POST\"} 2.0"));
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(actual)
                .contains("vertx_http_server_requests_total{code=\"404\",method=\"GET\"} 1.0",
                        "vertx_http_server_requests_total{code=\"202\",method=\"DELETE\"} 1.0",
                        "vertx_http_server_active_requests{method=\"POST\"} 0.0",
                        "vertx_http_server_request_resets_total{method=\"POST\"} 1.0",
                        "vertx_http_server_response_time_seconds_count{code=\"200\",method=\"POST\"} 2")
                .anyMatch(line -> line.startsWith("vertx_http_server_request_bytes_sum{method=\"POST\"} 5019.0"));
    }

    @Test
    void aMethodVertxDoesNotKnowIsLabelledOther() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerMetricsOptions options = options();
        Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(options))
                .withMetrics(HttpServerRequestMeters.factory(registry, options)).build();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.response().end("ok"))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpClient client = vertx.createHttpClient();
            for (String invented : List.of("FROB", "X-A1", "X-A2")) {
                send(client, server.actualPort(), HttpMethod.valueOf(invented), "/", null);
            }
            send(client, server.actualPort(), HttpMethod.PATCH, "/", null);
            // The test's client is metered too (vertx_http_client_*, vertx-micrometer's): only the server's series count.
            List<String> served = Stream.of(registry.scrape().split("\n")).filter(line -> line.startsWith("vertx_http_server_")).toList();
            assertThat(served).contains("vertx_http_server_requests_total{code=\"200\",method=\"OTHER\"} 3.0",
                    "vertx_http_server_requests_total{code=\"200\",method=\"PATCH\"} 1.0")
                    .noneMatch(line -> line.contains("FROB") || line.contains("X-A"));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesOptionsWhoseRequestLabelsItWouldNotRecord() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerMetricsOptions withoutCode = options().setLabels(EnumSet.of(Label.HTTP_METHOD));
        assertThatThrownBy(() -> HttpServerRequestMeters.factory(registry, withoutCode))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the options put [method] on server requests");
        MicrometerMetricsOptions withPath = options().addLabels(Label.HTTP_PATH);
        assertThatThrownBy(() -> HttpServerRequestMeters.factory(registry, withPath))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the options put [path, method, code] on server requests");
    }
}
