package dev.awsmcp.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's signing keys (JWKS), fetched without blocking and cached: refreshed periodically and on
 * demand when a token names an unknown key id (at most once per {@code minRefreshGap}). A failed fetch
 * keeps the last good key set. Only RSA and EC signature keys for the accepted algorithms are used;
 * symmetric ({@code oct}) keys are ignored.
 */
final class JwksKeySet {

    private static final Logger LOG = LoggerFactory.getLogger(JwksKeySet.class);
    private static final List<String> RSA_ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    private static final Map<String, String> EC_ALGORITHM_BY_CURVE = Map.of("P-256", "ES256", "P-384", "ES384", "P-521", "ES512");

    private final Vertx vertx;
    private final WebClient client;
    private final String jwksUri;
    private final Set<String> algorithms;
    private final long minRefreshGapNanos;
    private final LongSupplier nanoClock;
    private volatile JWTAuth verifier;
    private Future<Boolean> inFlight;
    private long lastOnDemandNanos;
    private boolean fetchedOnDemand;
    private long timer = -1;

    JwksKeySet(Vertx vertx, WebClient client, String jwksUri, Set<String> algorithms, Duration minRefreshGap, LongSupplier nanoClock) {
        this.vertx = vertx;
        this.client = client;
        this.jwksUri = jwksUri;
        this.algorithms = Set.copyOf(algorithms);
        this.minRefreshGapNanos = minRefreshGap.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Fetches the key set now and every {@code interval}; the future tells whether the first fetch worked. */
    Future<Boolean> start(Duration interval) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> fetch());
        return fetch();
    }

    void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The verifier of the last good key set; null until one was fetched. */
    JWTAuth verifier() {
        return verifier;
    }

    /**
     * Fetches again because a token named a key this set lacks, unless such a fetch ran less than the
     * minimum gap ago (then completes with false at once: a flood of forged key ids cannot hammer the
     * issuer). Periodic fetches do not count, so a key rotated right after one is picked up at once.
     */
    Future<Boolean> refreshForUnknownKey() {
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (inFlight == null && fetchedOnDemand && now - lastOnDemandNanos < minRefreshGapNanos) {
                return Future.succeededFuture(false);
            }
            if (inFlight == null) {
                fetchedOnDemand = true;
                lastOnDemandNanos = now;
            }
        }
        return fetch();
    }

    /** One fetch at a time; concurrent callers share it. Completes with whether new keys were installed. */
    private Future<Boolean> fetch() {
        synchronized (this) {
            if (inFlight != null) {
                return inFlight;
            }
            Future<Boolean> fetch = client.getAbs(jwksUri).timeout(10_000).putHeader("Accept", "application/json").send()
                    .map(this::install)
                    .recover(error -> {
                        LOG.warn("fetching the JWKS {} failed: {}; keeping the last good key set ({})", jwksUri,
                                error.getMessage(), verifier == null ? "none yet" : "still in use");
                        return Future.succeededFuture(false);
                    });
            inFlight = fetch;
            fetch.onComplete(done -> {
                synchronized (this) {
                    if (inFlight == fetch) {
                        inFlight = null;
                    }
                }
            });
            return fetch;
        }
    }

    private boolean install(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        JsonObject jwks = response.bodyAsJsonObject();
        List<JsonObject> keys = usableKeys(jwks == null ? null : jwks.getValue("keys"), algorithms);
        if (keys.isEmpty()) {
            throw new IllegalStateException("no RSA or EC signature keys for " + algorithms);
        }
        verifier = JWTAuth.create(vertx, new JWTAuthOptions()
                .setJwks(keys)
                .setJWTOptions(new JWTOptions().setIgnoreExpiration(true)));
        LOG.info("loaded {} signing key(s) from {}", keys.size(), jwksUri);
        return true;
    }

    /**
     * The keys of a JWKS that can verify one of {@code algorithms}, each with its {@code alg} set: a key
     * without one is listed once per accepted algorithm of its type.
     */
    static List<JsonObject> usableKeys(Object keys, Set<String> algorithms) {
        List<JsonObject> usable = new ArrayList<>();
        if (!(keys instanceof JsonArray array)) {
            return usable;
        }
        for (Object item : array) {
            if (!(item instanceof JsonObject key) || !(key.getValue("use") == null || "sig".equals(key.getValue("use")))) {
                continue;
            }
            for (String alg : candidateAlgorithms(key)) {
                if (algorithms.contains(alg)) {
                    usable.add(key.copy().put("alg", alg));
                }
            }
        }
        return usable;
    }

    private static List<String> candidateAlgorithms(JsonObject key) {
        Object kty = key.getValue("kty");
        Object alg = key.getValue("alg");
        List<String> ofType;
        if ("RSA".equals(kty)) {
            ofType = RSA_ALGORITHMS;
        } else if ("EC".equals(kty) && key.getValue("crv") instanceof String curve && EC_ALGORITHM_BY_CURVE.containsKey(curve)) {
            ofType = List.of(EC_ALGORITHM_BY_CURVE.get(curve));
        } else {
            return List.of();
        }
        if (alg == null) {
            return ofType;
        }
        return ofType.contains(alg) ? List.of((String) alg) : List.of();
    }
}
