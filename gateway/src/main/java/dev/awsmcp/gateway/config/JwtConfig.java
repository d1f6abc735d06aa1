package dev.awsmcp.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Bearer JWTs issued by an identity provider for this gateway.
 *
 * @param issuer the exact {@code iss} value accepted
 * @param audience the gateway's own audience; a token's {@code aud} must contain it (tokens minted for
 *     other services are refused)
 * @param jwksUri where the issuer publishes its signing keys (https, or http on loopback)
 * @param groupsClaim the claim holding the caller's groups; {@code groups} by default
 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}; {@code 60s} by default, at most 5m; {@code 0} for none
 * @param algorithms signature algorithms accepted; asymmetric only; {@code [RS256, ES256]} by default
 * @param jwksRefreshInterval how often the key set is fetched again; {@code 15m} by default
 */
public record JwtConfig(
        String issuer,
        String audience,
        String jwksUri,
        String groupsClaim,
        @Durations.MayBeZero Duration clockSkew,
        List<String> algorithms,
        Duration jwksRefreshInterval) {

    /** The algorithms a JWKS of public keys can verify. */
    public static final Set<String> SUPPORTED_ALGORITHMS =
            Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    public JwtConfig {
        require(issuer, "issuer", "the issuer URL exactly as in the tokens' iss claim, e.g. https://idp.example.com");
        require(audience, "audience", "this gateway's audience as the identity provider puts it in aud, e.g. mcp-gateway");
        require(jwksUri, "jwksUri", "the issuer's JWKS URL, e.g. https://idp.example.com/.well-known/jwks.json");
        if (!HttpUrls.isHttpsOrLoopback(jwksUri)) {
            throw new ConfigException("auth.jwt.jwksUri: '" + jwksUri + "' must be an https URL (http only to localhost)");
        }
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        algorithms = algorithms == null || algorithms.isEmpty() ? List.of("RS256", "ES256") : List.copyOf(algorithms);
        jwksRefreshInterval = jwksRefreshInterval == null ? Duration.ofMinutes(15) : jwksRefreshInterval;
        for (String algorithm : algorithms) {
            if (!SUPPORTED_ALGORITHMS.contains(algorithm)) {
                throw new ConfigException("auth.jwt.algorithms: '" + algorithm + "' is not accepted; use asymmetric "
                        + "algorithms (none and HS* are never accepted): " + String.join(", ", SUPPORTED_ALGORITHMS.stream().sorted().toList()));
            }
        }
        if (clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigException("auth.jwt.clockSkew: " + Durations.format(clockSkew) + " is too lenient; use at most 5m");
        }
        if (jwksRefreshInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigException("auth.jwt.jwksRefreshInterval: " + Durations.format(jwksRefreshInterval)
                    + " is too short; use at least 1m");
        }
    }

    private static void require(String value, String key, String example) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("auth.jwt." + key + ": required; set " + example);
        }
    }
}
