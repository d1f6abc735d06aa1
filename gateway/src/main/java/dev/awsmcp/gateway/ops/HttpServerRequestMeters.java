package dev.awsmcp.gateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MetricsNaming;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The request series of Vert.x's HTTP server metrics (vertx-micrometer's names, descriptions and labels: {@code method},
 * {@code code}) with their meters bound once per method and status code. vertx-micrometer 5.0.5 builds the tags and
 * looks up five meters in the registry on every request (a tenth of a ping's CPU); here a request finds them through a
 * map read and an array read. One difference: a method Vert.x does not know (any token is a valid HTTP method) is
 * labelled {@code OTHER}, so that a client cannot add series by inventing methods. Everything else (connections,
 * bytes, WebSockets, clients, pools) stays vertx-micrometer's.
 */
final class HttpServerRequestMeters implements HttpServerMetrics<HttpServerRequestMeters.Request, Object, Object> {

    /** The labels these meters carry: vertx-micrometer's defaults for server requests. */
    static final EnumSet<Label> LABELS = EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE);
    private static final String METHOD = Label.HTTP_METHOD.toString();
    private static final String CODE = Label.HTTP_CODE.toString();
    private static final int FIRST_STATUS = 100;
    private static final int LAST_STATUS = 599;
    private static final java.util.Set<HttpMethod> KNOWN_METHODS = java.util.Set.copyOf(HttpMethod.values());
    private static final HttpMethod OTHER = new HttpMethod("OTHER");

    private final HttpServerMetrics<Object, Object, Object> connections;
    private final MeterRegistry registry;
    private final MetricsNaming names;
    private final Map<HttpMethod, ByMethod> methods = new ConcurrentHashMap<>();

    private HttpServerRequestMeters(HttpServerMetrics<?, ?, ?> connections, MeterRegistry registry, MetricsNaming names) {
        @SuppressWarnings("unchecked")
        HttpServerMetrics<Object, Object, Object> untyped = (HttpServerMetrics<Object, Object, Object>) connections;
        this.connections = untyped;
        this.registry = registry;
        this.names = names;
    }

    /**
     * A metrics factory like {@code new MicrometerMetricsFactory(registry)} whose HTTP servers record their requests
     * here; {@code options} must be the ones the Vert.x instance is built with (their labels are checked).
     */
    static VertxMetricsFactory factory(MeterRegistry registry, MicrometerMetricsOptions options) {
        EnumSet<Label> onRequests = EnumSet.of(Label.LOCAL, Label.REMOTE, Label.HTTP_PATH, Label.HTTP_ROUTE, Label.HTTP_METHOD,
                Label.HTTP_CODE);
        onRequests.retainAll(options.getLabels());
        if (!onRequests.equals(LABELS) || options.getServerRequestTagsProvider() != null || !options.getLabelMatches().isEmpty()) {
            throw new IllegalArgumentException("HTTP server request meters record the labels " + LABELS + " only; the options put "
                    + onRequests + " on server requests" + (options.getServerRequestTagsProvider() != null ? ", with a tags provider" : "")
                    + (options.getLabelMatches().isEmpty() ? "" : ", with label matches"));
        }
        // vertx-micrometer's names are relative to the domain: "requests" is vertx.http.server.requests.
        return new Factory(new MicrometerMetricsFactory(registry), registry,
                options.getMetricsNaming().withBaseName(MetricsDomain.HTTP_SERVER.getPrefix()));
    }

    /** One request: its method's meters, when it began and which of its ends were seen. */
    static final class Request {
        final ByMethod method;
        final long start;
        boolean requestEnded;
        boolean responseEnded;
        boolean reset;

        Request(ByMethod method) {
            this.method = method;
            this.start = System.nanoTime();
        }

        /** True once both the request and the response have ended, unless it was reset. */
        boolean done() {
            return !reset && requestEnded && responseEnded;
        }
    }

    /** The meters of one method; those of a status code are bound at its first response. */
    final class ByMethod {
        final String method;
        final LongAdder active = new LongAdder();
        final DistributionSummary requestBytes;
        final AtomicReferenceArray<ByStatus> statuses = new AtomicReferenceArray<>(LAST_STATUS - FIRST_STATUS + 1);

        ByMethod(String method) {
            this.method = method;
            Gauge.builder(names.getHttpActiveRequests(), active, LongAdder::doubleValue)
                    .description("Number of requests being processed").tags(METHOD, method).register(registry);
            requestBytes = DistributionSummary.builder(names.getHttpRequestBytes()).description("Size of requests in bytes")
                    .tags(METHOD, method).register(registry);
        }

        ByStatus status(int code) {
            if (code < FIRST_STATUS || code > LAST_STATUS) {
                return new ByStatus(method, code);
            }
            int index = code - FIRST_STATUS;
            ByStatus status = statuses.get(index);
            if (status == null) {
                statuses.compareAndSet(index, null, new ByStatus(method, code));
                status = statuses.get(index);
            }
            return status;
        }
    }

    /** The meters of one method and status code. */
    final class ByStatus {
        final Counter requests;
        final Timer responseTime;
        final DistributionSummary responseBytes;

        ByStatus(String method, int code) {
            String status = String.valueOf(code);
            requests = Counter.builder(names.getHttpRequestsCount()).description("Number of processed requests")
                    .tags(METHOD, method, CODE, status).register(registry);
            responseTime = Timer.builder(names.getHttpResponseTime()).description("Request processing time")
                    .tags(METHOD, method, CODE, status).register(registry);
            responseBytes = DistributionSummary.builder(names.getHttpResponseBytes()).description("Size of responses in bytes")
                    .tags(METHOD, method, CODE, status).register(registry);
        }
    }

    private ByMethod byMethod(HttpMethod method) {
        ByMethod meters = methods.get(method);
        if (meters != null) {
            return meters;
        }
        return methods.computeIfAbsent(KNOWN_METHODS.contains(method) ? method : OTHER, m -> new ByMethod(m.name()));
    }

    @Override
    public Request requestBegin(Object socket, HttpRequest request) {
        Request metric = new Request(byMethod(request.method()));
        metric.method.active.increment();
        return metric;
    }

    @Override
    public Request responsePushed(Object socket, HttpMethod method, String uri, HttpResponse response) {
        Request metric = new Request(byMethod(method));
        metric.method.active.increment();
        return metric;
    }

    @Override
    public void requestEnd(Request request, HttpRequest http, long bytesRead) {
        request.method.requestBytes.record(bytesRead);
        request.requestEnded = true;
        if (request.done()) {
            request.method.active.decrement();
        }
    }

    @Override
    public void requestReset(Request request) {
        // Rare: looked up when it happens, and registered only then, as vertx-micrometer does.
        Counter.builder(names.getHttpRequestResetsCount()).description("Number of request resets")
                .tags(METHOD, request.method.method).register(registry).increment();
        request.method.active.decrement();
        request.reset = true;
    }

    @Override
    public void responseEnd(Request request, HttpResponse response, long bytesWritten) {
        ByStatus status = request.method.status(response.statusCode());
        status.requests.increment();
        status.responseTime.record(System.nanoTime() - request.start, TimeUnit.NANOSECONDS);
        status.responseBytes.record(bytesWritten);
        request.responseEnded = true;
        if (request.done()) {
            request.method.active.decrement();
        }
    }

    @Override
    public Object connected(Object socket, Request request, ServerWebSocket webSocket) {
        // vertx-micrometer's WebSocket gauge reads the socket's tags only, never its own request metric (5.0.5).
        return connections.connected(socket, null, webSocket);
    }

    @Override
    public void disconnected(Object webSocket) {
        connections.disconnected(webSocket);
    }

    @Override
    public Object connected(SocketAddress remoteAddress, String remoteName) {
        return connections.connected(remoteAddress, remoteName);
    }

    @Override
    public void disconnected(Object socket, SocketAddress remoteAddress) {
        connections.disconnected(socket, remoteAddress);
    }

    @Override
    public void bytesRead(Object socket, SocketAddress remoteAddress, long numberOfBytes) {
        connections.bytesRead(socket, remoteAddress, numberOfBytes);
    }

    @Override
    public void bytesWritten(Object socket, SocketAddress remoteAddress, long numberOfBytes) {
        connections.bytesWritten(socket, remoteAddress, numberOfBytes);
    }

    @Override
    public void exceptionOccurred(Object socket, SocketAddress remoteAddress, Throwable t) {
        connections.exceptionOccurred(socket, remoteAddress, t);
    }

    @Override
    public void close() {
        connections.close();
    }

    /** vertx-micrometer's factory, with HTTP servers recording their requests through {@link HttpServerRequestMeters}. */
    private static final class Factory implements VertxMetricsFactory {
        private final MicrometerMetricsFactory micrometer;
        private final MeterRegistry registry;
        private final MetricsNaming names;

        Factory(MicrometerMetricsFactory micrometer, MeterRegistry registry, MetricsNaming names) {
            this.micrometer = micrometer;
            this.registry = registry;
            this.names = names;
        }

        @Override
        public VertxMetrics metrics(VertxOptions options) {
            return new Metrics(micrometer.metrics(options));
        }

        @Override
        public MetricsOptions newOptions() {
            return micrometer.newOptions();
        }

        @Override
        public MetricsOptions newOptions(MetricsOptions options) {
            return micrometer.newOptions(options);
        }

        @Override
        public MetricsOptions newOptions(JsonObject json) {
            return micrometer.newOptions(json);
        }

        /** vertx-micrometer's metrics, but for HTTP servers' requests. */
        private final class Metrics implements VertxMetrics {
            private final VertxMetrics delegate;

            Metrics(VertxMetrics delegate) {
                this.delegate = delegate;
            }

            @Override
            public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress localAddress) {
                HttpServerMetrics<?, ?, ?> server = delegate.createHttpServerMetrics(options, localAddress);
                return server == null ? null : new HttpServerRequestMeters(server, registry, names);
            }

            @Override
            public EventBusMetrics<?> createEventBusMetrics() {
                return delegate.createEventBusMetrics();
            }

            @Override
            public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remoteAddress, String type, String namespace) {
                return delegate.createClientMetrics(remoteAddress, type, namespace);
            }

            @Override
            public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
                return delegate.createHttpClientMetrics(options);
            }

            @Override
            public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress localAddress) {
                return delegate.createNetServerMetrics(options, localAddress);
            }

            @Override
            public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
                return delegate.createNetClientMetrics(options);
            }

            @Override
            public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
                return delegate.createDatagramSocketMetrics(options);
            }

            @Override
            public PoolMetrics<?, ?> createPoolMetrics(String poolType, String poolName, int maxPoolSize) {
                return delegate.createPoolMetrics(poolType, poolName, maxPoolSize);
            }

            @Override
            public void vertxCreated(Vertx vertx) {
                delegate.vertxCreated(vertx);
            }

            @Override
            public boolean isMetricsEnabled() {
                return delegate.isMetricsEnabled();
            }

            @Override
            public void close() {
                delegate.close();
            }
        }
    }
}
