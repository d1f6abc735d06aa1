package dev.awsmcp.gateway.confirmation;

import dev.awsmcp.toolset.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs confirmation tickets with HMAC-SHA256 under the key every instance shares, and checks them with that key
 * or a previous one. Sealed form: {@code c1.<key id>.<base64url of the ticket's JSON>.<base64url of the MAC>}, the
 * MAC over everything before its dot, keyed by HMAC(key, "mcp-gateway confirmation v1") so that a key also used
 * elsewhere never signs a confirmation by accident. The key id (the first 4 bytes of the key's SHA-256, hex) picks
 * the key, so a rotated key is told apart from a changed state. Thread-safe.
 */
final class ConfirmationSealer {

    /** What {@link #open} found wrong with a sealed state. */
    enum Problem {
        /** Not a state this gateway's format, or changed, cut short, or signed with another key of the same id. */
        NOT_SEALED_HERE,
        /** Signed with a key this gateway does not hold (rotated out, or another deployment's). */
        UNKNOWN_KEY
    }

    /** A ticket opened, or why not. */
    record Opened(ConfirmationTicket ticket, Problem problem) {
    }

    private static final String VERSION = "c1";
    private static final int MAX_SEALED_CHARS = 4096;
    private static final byte[] CONTEXT = "mcp-gateway confirmation v1".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final String sealingKeyId;

    /** @param keys the sealing key first, then keys that only open; not empty */
    ConfirmationSealer(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no confirmation key");
        }
        keys.forEach(key -> this.keys.putIfAbsent(keyId(key), derived(key)));
        this.sealingKeyId = keyId(keys.get(0));
    }

    String seal(ConfirmationTicket ticket) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.mapper().valueToTree(ticket).toString()
                .getBytes(StandardCharsets.UTF_8));
        String signed = VERSION + "." + sealingKeyId + "." + payload;
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(keys.get(sealingKeyId), signed));
    }

    Opened open(String sealed) {
        String[] parts = sealed.length() > MAX_SEALED_CHARS ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            return new Opened(null, Problem.NOT_SEALED_HERE);
        }
        byte[] key = keys.get(parts[1]);
        if (key == null) {
            return new Opened(null, Problem.UNKNOWN_KEY);
        }
        Optional<byte[]> sent = decoded(parts[3]);
        if (sent.isEmpty() || !MessageDigest.isEqual(mac(key, sealed.substring(0, sealed.lastIndexOf('.'))), sent.get())) {
            return new Opened(null, Problem.NOT_SEALED_HERE);
        }
        try {
            return new Opened(Json.mapper().readValue(decoded(parts[2]).orElseThrow(), ConfirmationTicket.class), null);
        } catch (java.io.IOException | RuntimeException e) {
            // Signed by this gateway yet unreadable: a ticket of another version of it.
            return new Opened(null, Problem.NOT_SEALED_HERE);
        }
    }

    private static Optional<byte[]> decoded(String text) {
        try {
            return Optional.of(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String keyId(byte[] key) {
        return HexFormat.of().formatHex(dev.awsmcp.gateway.audit.Sha256.of(key), 0, 4);
    }

    private static byte[] derived(byte[] key) {
        return mac(key, CONTEXT);
    }

    private static byte[] mac(byte[] key, String text) {
        return mac(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
