package dev.awsmcp.gateway.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP proxy that adds one header (an {@code Authorization}) to every request and forwards
 * it unchanged otherwise, Host and Origin included, streaming the answer back (SSE too). For clients
 * that cannot send headers, such as the official conformance suite's server mode.
 */
public final class HeaderInjectingProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "host", "upgrade");

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    private HeaderInjectingProxy(URI target, String header, String value) throws Exception {
        HttpClient client = vertx.createHttpClient(new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
        server = vertx.createHttpServer().requestHandler(in -> forward(client, target, header, value, in))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Starts a proxy to {@code target}'s host and port. */
    public static HeaderInjectingProxy start(URI target, String header, String value) throws Exception {
        return new HeaderInjectingProxy(target, header, value);
    }

    /** The proxy's URL for {@code target}'s path. */
    public URI url(URI target) {
        return URI.create("http://127.0.0.1:" + server.actualPort() + target.getPath());
    }

    private static void forward(HttpClient client, URI target, String header, String value, HttpServerRequest in) {
        in.pause();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setHost(target.getHost())
                .setPort(target.getPort()).setURI(in.uri());
        client.request(options).onFailure(e -> in.response().setStatusCode(502).end()).onSuccess(out -> {
            copy(in.headers(), out.headers());
            out.headers().set(header, value);
            if (in.authority() != null) {
                out.authority(in.authority());
            } else {
                out.authority(HostAndPort.create(target.getHost(), target.getPort()));
            }
            out.send(in).onFailure(e -> in.response().setStatusCode(502).end()).onSuccess(answer -> {
                in.response().setStatusCode(answer.statusCode());
                copy(answer.headers(), in.response().headers());
                if (answer.getHeader("Content-Length") == null) {
                    in.response().setChunked(true);
                }
                // A client that goes away (the suite aborts its SSE streams) must free the upstream connection,
                // or the pool runs dry and every later request waits for good.
                in.response().closeHandler(v -> out.reset());
                answer.pipeTo(in.response());
            });
        });
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach(e -> {
            if (!HOP_BY_HOP.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                to.add(e.getKey(), e.getValue());
            }
        });
    }

    @Override
    public void close() {
        vertx.close();
    }
}
