package dev.awsmcp.gateway.testing;

import dev.awsmcp.toolset.support.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing keys and hand-built JWS tokens (base64url header.payload.signature with java.security), to
 * test JWT verification without a token library.
 */
public final class TestTokens {

    /** A signing key: its key id, algorithm, key pair and public JWK. */
    public record SigningKey(String kid, String alg, KeyPair pair) {

        /** A new RSA-2048 key for RS256. */
        public static SigningKey rsa(String kid) {
            return new SigningKey(kid, "RS256", generate("RSA", null));
        }

        /** A new P-256 key for ES256. */
        public static SigningKey ec(String kid) {
            return new SigningKey(kid, "ES256", generate("EC", new ECGenParameterSpec("secp256r1")));
        }

        /** The public JWK, as published in a JWKS. */
        public Map<String, Object> jwk() {
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kid", kid);
            jwk.put("use", "sig");
            jwk.put("alg", alg);
            if (pair.getPublic() instanceof RSAPublicKey rsa) {
                jwk.put("kty", "RSA");
                jwk.put("n", base64(unsigned(rsa.getModulus(), 0)));
                jwk.put("e", base64(unsigned(rsa.getPublicExponent(), 0)));
            } else {
                ECPublicKey ec = (ECPublicKey) pair.getPublic();
                jwk.put("kty", "EC");
                jwk.put("crv", "P-256");
                jwk.put("x", base64(unsigned(ec.getW().getAffineX(), 32)));
                jwk.put("y", base64(unsigned(ec.getW().getAffineY(), 32)));
            }
            return jwk;
        }

        /** A token signed by this key with {@code claims}. */
        public String sign(Map<String, Object> claims) {
            return TestTokens.sign(Map.of("alg", alg, "typ", "JWT", "kid", kid), claims, pair.getPrivate());
        }
    }

    private TestTokens() {
    }

    /** Claims valid now: issuer, audience, subject, an hour of validity. */
    public static Map<String, Object> claims(String issuer, Object audience, String subject) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return claims;
    }

    /** A JWS signed with {@code key} under the algorithm named in {@code header}. */
    public static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        String input = encode(header) + "." + encode(claims);
        String javaAlg = switch (String.valueOf(header.get("alg"))) {
            case "RS256" -> "SHA256withRSA";
            case "ES256" -> "SHA256withECDSAinP1363Format";
            default -> throw new IllegalArgumentException("unsupported " + header.get("alg"));
        };
        try {
            Signature signature = Signature.getInstance(javaAlg);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 token keyed with {@code secret} (e.g. a public key's bytes: the algorithm confusion attack). */
    public static String hs256(Map<String, Object> claims, byte[] secret, String kid) {
        String input = encode(Map.of("alg", "HS256", "typ", "JWT", "kid", kid)) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + base64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}), with an empty signature part. */
    public static String unsigned(Map<String, Object> claims) {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims) + ".";
    }

    /** The base64url JSON of {@code value}. */
    public static String encode(Map<String, Object> value) {
        try {
            return base64(Json.mapper().writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (length > bytes.length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            return padded;
        }
        return bytes;
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
