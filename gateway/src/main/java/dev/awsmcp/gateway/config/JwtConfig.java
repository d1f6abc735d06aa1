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
 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}; {@code 60s} by default, at most 5m
 * @param algorithms signature algorithms accepted; asymmetric only; {@code [RS256, ES256]} by default
 * @param jwksRefreshInterval how often the key set is fetched again; {@code 15m} by default
 */
public record JwtConfig(
        String issuer,
        String audience,
        String jwksUri,
        String groupsClaim,
        String clockSkew,
        List<String> algorithms,
        String jwksRefreshInterval) {

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
        clockSkew = clockSkew == null ? "60s" : clockSkew;
        algorithms = algorithms == null || algorithms.isEmpty() ? List.of("RS256", "ES256") : List.copyOf(algorithms);
        jwksRefreshInterval = jwksRefreshInterval == null ? "15m" : jwksRefreshInterval;
        for (String algorithm : algorithms) {
            if (!SUPPORTED_ALGORITHMS.contains(algorithm)) {
                throw new ConfigException("auth.jwt.algorithms: '" + algorithm + "' is not accepted; use asymmetric "
                        + "algorithms (none and HS* are never accepted): " + String.join(", ", SUPPORTED_ALGORITHMS.stream().sorted().toList()));
            }
        }
        if (clockSkewDuration(clockSkew).compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigException("auth.jwt.clockSkew: " + clockSkew + " is too lenient; use at most 5m");
        }
        if (refreshInterval(jwksRefreshInterval).compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigException("auth.jwt.jwksRefreshInterval: " + jwksRefreshInterval + " is too short; use at least 1m");
        }
    }

    /** The parsed clock skew; zero allowed. */
    public Duration clockSkewDuration() {
        return clockSkewDuration(clockSkew);
    }

    /** The parsed refresh interval of the key set. */
    public Duration jwksRefreshDuration() {
        return refreshInterval(jwksRefreshInterval);
    }

    private static Duration clockSkewDuration(String value) {
        return value.trim().matches("0+(ms|s|m|h)?") ? Duration.ZERO : Durations.parse(value, "auth.jwt.clockSkew");
    }

    private static Duration refreshInterval(String value) {
        return Durations.parse(value, "auth.jwt.jwksRefreshInterval");
    }

    private static void require(String value, String key, String example) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("auth.jwt." + key + ": required; set " + example);
        }
    }
}
