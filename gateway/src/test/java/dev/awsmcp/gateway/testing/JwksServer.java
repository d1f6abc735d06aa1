package dev.awsmcp.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local identity provider's JWKS endpoint on 127.0.0.1: serves the keys it is given, counts fetches,
 * and can be stopped to play an unreachable issuer.
 */
public final class JwksServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile JsonObject jwks = new JsonObject().put("keys", new JsonArray());
    private final HttpServer server;

    public JwksServer() {
        try {
            server = vertx.createHttpServer()
                    .requestHandler(request -> {
                        fetches.incrementAndGet();
                        request.response().putHeader("Content-Type", "application/json").end(jwks.encode());
                    })
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes exactly {@code keys}. */
    public JwksServer publish(TestTokens.SigningKey... keys) {
        return publishJwks(List.of(keys).stream().map(TestTokens.SigningKey::jwk).toList());
    }

    /** Publishes these raw JWKs. */
    public JwksServer publishJwks(List<Map<String, Object>> keys) {
        JsonArray array = new JsonArray();
        keys.forEach(k -> array.add(new JsonObject(k)));
        jwks = new JsonObject().put("keys", array);
        return this;
    }

    /** The JWKS URL. */
    public String uri() {
        return "http://127.0.0.1:" + server.actualPort() + "/jwks.json";
    }

    /** How many times the key set was fetched. */
    public int fetches() {
        return fetches.get();
    }

    /** Stops answering: connections are refused from now on. */
    public void stop() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        vertx.close();
    }
}
