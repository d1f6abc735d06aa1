package dev.awsmcp.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.gateway.config.JwtConfig;
import dev.awsmcp.gateway.testing.JwksServer;
import dev.awsmcp.gateway.testing.TestTokens;
import dev.awsmcp.gateway.testing.TestTokens.SigningKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWT verification against a JWKS served by a local HTTP server, with tokens signed by test keys. */
class JwtAuthenticatorTest {

    private static final String ISSUER = "https://idp.example.com";
    private static final String AUDIENCE = "mcp-gateway";
    private static final SigningKey RSA = SigningKey.rsa("rsa-1");
    private static final SigningKey EC = SigningKey.ec("ec-1");

    private static Vertx vertx;
    private JwksServer jwks;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private JwksKeySet keys;
    private JwtAuthenticator authenticator;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer().publish(RSA, EC);
        authenticator = authenticator("groups");
        assertThat(await(authenticator.start())).isTrue();
    }

    @AfterEach
    void stop() {
        authenticator.close();
        jwks.close();
    }

    private JwtAuthenticator authenticator(String groupsClaim) {
        JwtConfig config = new JwtConfig(ISSUER, AUDIENCE, jwks.uri(), groupsClaim, Duration.ofSeconds(60), null, null);
        keys = new JwksKeySet(vertx, WebClient.create(vertx), config.jwksUri(), Set.copyOf(config.algorithms()),
                JwtAuthenticator.MIN_REFRESH_GAP, nanos::get);
        return new JwtAuthenticator(config, keys, Clock.systemUTC());
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private Principal authenticate(String token) throws Exception {
        return await(authenticator.authenticate(token));
    }

    private static Map<String, Object> claims() {
        return TestTokens.claims(ISSUER, AUDIENCE, "alice");
    }

    private static Map<String, Object> with(String name, Object value) {
        Map<String, Object> claims = claims();
        claims.put(name, value);
        return claims;
    }

    private void assertRefused(String token, String message) {
        assertThatThrownBy(() -> authenticate(token))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((AuthenticationException) e).credentialsPresented()).isTrue());
    }

    @Test
    void acceptsRsaTokenWithGroupsFromTheClaim() throws Exception {
        Principal principal = authenticate(RSA.sign(with("groups", List.of("payments-oncall", "sre"))));
        assertThat(principal.id()).isEqualTo("alice");
        assertThat(principal.method()).isEqualTo(Principal.Method.JWT);
        assertThat(principal.groups()).containsExactlyInAnyOrder("payments-oncall", "sre");
    }

    @Test
    void acceptsEcTokenAndAudienceListAndGroupsAsSeparatedString() throws Exception {
        Map<String, Object> claims = with("groups", "payments-oncall sre,dba");
        claims.put("aud", List.of("other-api", AUDIENCE));
        Principal principal = authenticate(EC.sign(claims));
        assertThat(principal.groups()).containsExactlyInAnyOrder("payments-oncall", "sre", "dba");
    }

    @Test
    void readsGroupsFromTheConfiguredClaim() throws Exception {
        authenticator.close();
        authenticator = authenticator("roles");
        await(authenticator.start());
        Map<String, Object> claims = with("roles", List.of("auditor"));
        claims.put("groups", List.of("ignored"));
        assertThat(authenticate(RSA.sign(claims)).groups()).containsExactly("auditor");
    }

    @Test
    void refusesExpiredTokenBeyondTheClockSkew() throws Exception {
        long now = Instant.now().getEpochSecond();
        assertRefused(RSA.sign(with("exp", now - 120)), "token expired");
        assertThat(authenticate(RSA.sign(with("exp", now - 30))).id()).isEqualTo("alice");
    }

    @Test
    void refusesTokenNotYetValidAndTokenWithoutExpiry() {
        assertRefused(RSA.sign(with("nbf", Instant.now().getEpochSecond() + 600)), "not valid yet");
        Map<String, Object> noExp = claims();
        noExp.remove("exp");
        assertRefused(RSA.sign(noExp), "no exp claim");
    }

    @Test
    void refusesTokensForOtherAudiencesAndIssuers() {
        assertRefused(RSA.sign(with("aud", "another-service")), "token audience does not include mcp-gateway");
        assertRefused(RSA.sign(with("aud", List.of("a", "b"))), "token audience does not include mcp-gateway");
        assertRefused(RSA.sign(with("iss", "https://evil.example.com")), "token issuer is not https://idp.example.com");
    }

    @Test
    void refusesASubjectThatWouldPassForAnApiKeyPrincipal() throws Exception {
        // API-key principals are apikey:<key id>; a subject with that prefix would share their sessions, taint and limits.
        assertRefused(RSA.sign(with("sub", "apikey:incident-bot")), "token sub starts with apikey:, which names API-key principals");
        assertThat(authenticate(RSA.sign(with("sub", "apikey-incident-bot"))).id()).isEqualTo("apikey-incident-bot");
    }

    @Test
    void refusesBadSignature() {
        SigningKey impostor = new SigningKey("rsa-1", "RS256", SigningKey.rsa("x").pair());
        assertRefused(impostor.sign(claims()), "token signature is invalid");
        String token = RSA.sign(claims());
        String tampered = token.substring(0, token.indexOf('.') + 1) + TestTokens.encode(with("sub", "mallory"))
                + token.substring(token.lastIndexOf('.'));
        assertRefused(tampered, "token signature is invalid");
    }

    @Test
    void refusesAlgNoneAndHmacTokens() {
        assertRefused(TestTokens.unsigned(claims()), "token algorithm none is not accepted");
        byte[] publicKeyBytes = RSA.pair().getPublic().getEncoded();
        assertRefused(TestTokens.hs256(claims(), publicKeyBytes, "rsa-1"), "token algorithm HS256 is not accepted");
    }

    @Test
    void unknownKeyIdRefreshesTheKeySetSoRotatedKeysWork() throws Exception {
        SigningKey rotated = SigningKey.rsa("rsa-2");
        jwks.publish(rotated);
        assertThat(authenticate(rotated.sign(claims())).id()).isEqualTo("alice");
        assertThat(jwks.fetches()).isEqualTo(2);
        assertRefused(RSA.sign(claims()), "not in the issuer's key set");
    }

    @Test
    void refreshesForUnknownKeyIdsAtMostOncePer30Seconds() throws Exception {
        assertRefused(SigningKey.rsa("forged-1").sign(claims()), "not in the issuer's key set");
        assertThat(jwks.fetches()).isEqualTo(2);
        SigningKey rotated = SigningKey.rsa("rsa-2");
        jwks.publish(RSA, rotated);
        assertRefused(rotated.sign(claims()), "not in the issuer's key set");
        assertRefused(SigningKey.rsa("forged-2").sign(claims()), "not in the issuer's key set");
        assertThat(jwks.fetches()).isEqualTo(2);
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(authenticate(rotated.sign(claims())).id()).isEqualTo("alice");
        assertThat(jwks.fetches()).isEqualTo(3);
    }

    @Test
    void unreachableJwksKeepsTheLastGoodKeys() throws Exception {
        jwks.stop();
        assertRefused(SigningKey.rsa("rsa-9").sign(claims()), "not in the issuer's key set");
        assertThat(authenticate(RSA.sign(claims())).id()).isEqualTo("alice");
    }

    @Test
    void jwksKeysAreFilteredToAcceptedAsymmetricAlgorithms() {
        var usable = JwksKeySet.usableKeys(new io.vertx.core.json.JsonArray()
                .add(new io.vertx.core.json.JsonObject().put("kty", "oct").put("k", "c2VjcmV0").put("alg", "HS256"))
                .add(new io.vertx.core.json.JsonObject().put("kty", "RSA").put("n", "x").put("e", "AQAB").put("use", "enc"))
                .add(new io.vertx.core.json.JsonObject(RSA.jwk()).copy().put("alg", (String) null))
                .add(new io.vertx.core.json.JsonObject(EC.jwk())), Set.of("RS256", "ES256"));
        assertThat(usable).extracting(k -> k.getString("alg")).containsExactly("RS256", "ES256");
    }
}
