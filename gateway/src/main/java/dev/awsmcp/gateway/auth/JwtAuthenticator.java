package dev.awsmcp.gateway.auth;

import dev.awsmcp.gateway.config.JwtConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Authenticates bearer JWTs from one identity provider: signature against the issuer's JWKS
 * (vertx-auth-jwt), accepted algorithms only (never {@code none} or HS*), {@code iss} exact, {@code aud}
 * containing the gateway's audience (tokens minted for other services are refused: no passthrough),
 * {@code exp} required and {@code nbf} honoured with the configured clock skew. The principal is the
 * {@code sub}, with groups from the configured claim. Never blocks: the key set is fetched asynchronously.
 */
public final class JwtAuthenticator {

    /** Fetches triggered by unknown key ids are at least this far apart. */
    static final Duration MIN_REFRESH_GAP = Duration.ofSeconds(30);
    private static final Pattern JWS_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern GROUP_SEPARATORS = Pattern.compile("[\\s,]+");

    private final JwtConfig config;
    private final JwksKeySet keys;
    private final Clock clock;

    JwtAuthenticator(JwtConfig config, JwksKeySet keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    /** An authenticator fetching keys from {@code config.jwksUri()}; call {@link #start()} before use. */
    public static JwtAuthenticator create(Vertx vertx, JwtConfig config) {
        JwksKeySet keys = new JwksKeySet(vertx, WebClient.create(vertx), config.jwksUri(), Set.copyOf(config.algorithms()),
                MIN_REFRESH_GAP, System::nanoTime);
        return new JwtAuthenticator(config, keys, Clock.systemUTC());
    }

    /** Starts fetching the key set; the future tells whether the first fetch worked (a failure is retried). */
    public Future<Boolean> start() {
        return keys.start(config.jwksRefreshInterval());
    }

    /** Stops refreshing the key set. */
    public void close() {
        keys.close();
    }

    /** Whether {@code bearer} has the shape of a signed JWT (three base64url parts). */
    public static boolean looksLikeJwt(String bearer) {
        return JWS_SHAPE.matcher(bearer).matches();
    }

    /** The principal of {@code token}, or a failed future with an {@link AuthenticationException}. */
    public Future<Principal> authenticate(String token) {
        try {
            checkAlgorithm(header(token));
        } catch (AuthenticationException e) {
            return Future.failedFuture(e);
        }
        return verify(token, true).map(this::principal);
    }

    private Future<JsonObject> verify(String token, boolean mayRefresh) {
        JWTAuth verifier = keys.verifier();
        if (verifier == null) {
            return mayRefresh ? keys.refreshForUnknownKey().compose(v -> verify(token, false))
                    : Future.failedFuture(AuthenticationException.invalidToken("the issuer's signing keys are not available; retry later"));
        }
        return verifier.authenticate(new TokenCredentials(token))
                .map(JwtAuthenticator::payload)
                .recover(error -> {
                    if (error instanceof NoSuchKeyIdException && mayRefresh) {
                        return keys.refreshForUnknownKey().compose(v -> verify(token, false));
                    }
                    return Future.failedFuture(translate(error));
                });
    }

    private static JsonObject payload(User user) {
        return user.attributes().getJsonObject("accessToken");
    }

    private static AuthenticationException translate(Throwable error) {
        if (error instanceof NoSuchKeyIdException) {
            return AuthenticationException.invalidToken("token signing key is not in the issuer's key set");
        }
        if (error instanceof SignatureException) {
            return AuthenticationException.invalidToken("token signature is invalid");
        }
        return AuthenticationException.invalidToken("token could not be verified");
    }

    private static JsonObject header(String token) {
        try {
            String encoded = token.substring(0, token.indexOf('.'));
            return new JsonObject(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw AuthenticationException.invalidToken("token is not a well-formed JWT");
        }
    }

    private void checkAlgorithm(JsonObject header) {
        Object alg = header.getValue("alg");
        if (!(alg instanceof String name) || !config.algorithms().contains(name)) {
            throw AuthenticationException.invalidToken("token algorithm " + (alg instanceof String ? alg : "(none)")
                    + " is not accepted; accepted: " + String.join(", ", config.algorithms()));
        }
    }

    private Principal principal(JsonObject claims) {
        if (claims == null) {
            throw AuthenticationException.invalidToken("token has no claims");
        }
        if (!config.issuer().equals(claims.getValue("iss"))) {
            throw AuthenticationException.invalidToken("token issuer is not " + config.issuer());
        }
        if (!audiences(claims.getValue("aud")).contains(config.audience())) {
            throw AuthenticationException.invalidToken("token audience does not include " + config.audience());
        }
        checkTimes(claims);
        Object subject = claims.getValue("sub");
        if (!(subject instanceof String sub) || sub.isBlank()) {
            throw AuthenticationException.invalidToken("token has no sub claim");
        }
        if (sub.startsWith(Principal.API_KEY_PREFIX)) {
            // Principal ids key sessions, taint, rate limits, confirmations and cursors: a subject must not pass for a key.
            throw AuthenticationException.invalidToken("token sub starts with " + Principal.API_KEY_PREFIX
                    + ", which names API-key principals; the identity provider must issue another subject");
        }
        return Principal.jwt(sub, groups(claims.getValue(config.groupsClaim())));
    }

    private void checkTimes(JsonObject claims) {
        long now = clock.instant().getEpochSecond();
        long skew = config.clockSkew().toSeconds();
        if (!(claims.getValue("exp") instanceof Number exp)) {
            throw AuthenticationException.invalidToken("token has no exp claim; tokens must expire");
        }
        if (now > exp.longValue() + skew) {
            throw AuthenticationException.invalidToken("token expired");
        }
        Object nbf = claims.getValue("nbf");
        if (nbf != null && !(nbf instanceof Number)) {
            throw AuthenticationException.invalidToken("token nbf claim is not a number");
        }
        if (nbf instanceof Number notBefore && now + skew < notBefore.longValue()) {
            throw AuthenticationException.invalidToken("token is not valid yet (nbf)");
        }
    }

    private static List<Object> audiences(Object aud) {
        if (aud instanceof String single) {
            return List.of(single);
        }
        return aud instanceof JsonArray array ? array.stream().toList() : List.of();
    }

    private Set<String> groups(Object claim) {
        Set<String> groups = new LinkedHashSet<>();
        if (claim == null) {
            return groups;
        }
        if (claim instanceof String text) {
            Arrays.stream(GROUP_SEPARATORS.split(text.trim())).filter(g -> !g.isEmpty()).forEach(groups::add);
            return groups;
        }
        if (claim instanceof JsonArray array && array.stream().allMatch(g -> g instanceof String)) {
            array.forEach(g -> groups.add((String) g));
            return groups;
        }
        throw AuthenticationException.invalidToken("token claim " + config.groupsClaim()
                + " must be a list of strings or a space or comma separated string");
    }
}
