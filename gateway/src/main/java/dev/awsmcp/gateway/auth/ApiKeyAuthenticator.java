package dev.awsmcp.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        try {
            // A clone of one digest: no provider lookup per request, as MessageDigest.getInstance does.
            return ((MessageDigest) SHA256.clone()).digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    private static final MessageDigest SHA256 = sha256Digest();

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
