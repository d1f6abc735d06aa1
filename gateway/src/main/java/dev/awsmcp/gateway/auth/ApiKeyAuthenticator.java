package dev.awsmcp.gateway.auth;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Authenticates static API keys: the SHA-256 of the presented key is compared, in constant time, with
 * every hash of the key file. Keys are never logged or kept; only key ids are.
 */
public final class ApiKeyAuthenticator {

    private record Known(String id, byte[] hash) {
    }

    private final List<Known> keys;

    private ApiKeyAuthenticator(List<Known> keys) {
        this.keys = keys;
    }

    /** An authenticator for the keys of {@code file}. */
    public static ApiKeyAuthenticator create(ApiKeyFile file) {
        return new ApiKeyAuthenticator(file.keys().stream()
                .map(e -> new Known(e.id(), HexFormat.of().parseHex(e.sha256())))
                .toList());
    }

    /**
     * The principal of {@code key}; throws {@link AuthenticationException} when no key matches. Every
     * known hash is compared, so the time taken does not depend on which one matched.
     */
    public Principal authenticate(String key) {
        byte[] presented = sha256(key);
        String match = null;
        for (Known known : keys) {
            if (MessageDigest.isEqual(presented, known.hash()) && match == null) {
                match = known.id();
            }
        }
        if (match == null) {
            throw AuthenticationException.invalidToken("unknown API key");
        }
        return Principal.apiKey(match);
    }

    /** Number of keys known. */
    public int size() {
        return keys.size();
    }

    static byte[] sha256(String key) {
        return dev.awsmcp.gateway.audit.Sha256.of(key);
    }
}
