package dev.awsmcp.gateway.cursor;

import dev.awsmcp.gateway.config.CursorsConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the cursors toolsets return so that callers can neither read, change nor replay them: AES-256-GCM
 * (integrity and confidentiality in one primitive; a DynamoDB key or a hidden table name in a position
 * stays unreadable) under a key derived per cursor with HMAC-SHA256 from the configured key and a random
 * salt, so the random nonces never approach GCM's per-key limit however long a key is used. The sealed
 * plaintext holds the expiry, the {@link CursorBinding} of the call and the toolset's cursor. Sealed form:
 * base64url of version (1 byte), salt (12), nonce (12), ciphertext and tag (16); the first 25 bytes are
 * authenticated as associated data. Thread-safe.
 */
public final class CursorSealer {

    private static final Logger LOG = LoggerFactory.getLogger(CursorSealer.class);
    private static final byte VERSION = 1;
    private static final int SALT_BYTES = 12;
    private static final int NONCE_BYTES = 12;
    private static final int HEADER_BYTES = 1 + SALT_BYTES + NONCE_BYTES;
    private static final int TAG_BYTES = 16;
    private static final int EXPIRY_BYTES = Long.BYTES;
    private static final int DIGEST_BYTES = 32;
    private static final int MIN_SEALED_BYTES = HEADER_BYTES + EXPIRY_BYTES + DIGEST_BYTES + TAG_BYTES;
    /** Longer arguments are refused unread: toolsets' own cursors stay under 16384 characters. */
    static final int MAX_SEALED_CHARS = 32768;
    private static final byte[] CONTEXT = "mcp-gateway cursor v1".getBytes(StandardCharsets.US_ASCII);
    private static final String START_OVER = "call again without cursor to start over";

    private final List<byte[]> keys;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys the sealing key first, then keys that only open (each at least 32 bytes); not empty
     * @param ttl how long a sealed cursor opens
     * @param clock the time expiry is measured by
     */
    public CursorSealer(List<byte[]> keys, Duration ttl, Clock clock) {
        if (keys.isEmpty() || keys.stream().anyMatch(k -> k.length < CursorsConfig.MIN_KEY_BYTES)) {
            throw new IllegalArgumentException("cursor keys must be at least " + CursorsConfig.MIN_KEY_BYTES + " bytes");
        }
        this.keys = keys.stream().map(byte[]::clone).toList();
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The sealer of {@code config}: its keys, or a random key of this process (logged at WARN), and its time to live. */
    public static CursorSealer create(CursorsConfig config, Clock clock) {
        List<byte[]> keys = config.keyBytes();
        if (keys.isEmpty()) {
            LOG.warn("cursors.key is not set: next_cursor values are sealed with a random key of this process, so they stop "
                    + "working when it restarts and other instances refuse them; set cursors.key (the same on every instance) "
                    + "when running several instances");
            return new CursorSealer(List.of(randomKey()), config.ttl(), clock);
        }
        return new CursorSealer(keys, config.ttl(), clock);
    }

    /** A sealer with a random key, for one process that is never restarted between pages (tests, tools). */
    public static CursorSealer ofRandomKey(Duration ttl, Clock clock) {
        return new CursorSealer(List.of(randomKey()), ttl, clock);
    }

    /** {@code cursor} sealed for the call {@code binding}, valid for the time to live from now. */
    public String seal(String cursor, CursorBinding binding) {
        byte[] text = cursor.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(EXPIRY_BYTES + DIGEST_BYTES + text.length)
                .putLong(clock.instant().plus(ttl).getEpochSecond())
                .put(binding.digest())
                .put(text);
        byte[] header = new byte[HEADER_BYTES];
        random.nextBytes(header);
        header[0] = VERSION;
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.get(0), header).doFinal(plain.array());
            byte[] out = Arrays.copyOf(header, HEADER_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, HEADER_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a cursor", e);
        }
    }

    /**
     * The toolset's cursor inside {@code sealed}, when this gateway sealed it for {@code binding} and it has not expired.
     *
     * @throws CursorRejectedException with a message for the model otherwise
     */
    public String open(String sealed, CursorBinding binding) throws CursorRejectedException {
        ByteBuffer plain = decrypt(sealed).orElseThrow(() -> new CursorRejectedException("cursor is not valid (changed, cut short, or "
                + "issued by a gateway with another cursor key); pass next_cursor exactly as returned, or " + START_OVER));
        if (clock.instant().getEpochSecond() >= plain.getLong()) {
            throw new CursorRejectedException("cursor has expired (cursors are valid for " + describe(ttl) + "); " + START_OVER);
        }
        byte[] digest = new byte[DIGEST_BYTES];
        plain.get(digest);
        if (!binding.matches(digest)) {
            throw new CursorRejectedException("cursor was issued for another call (another tool or caller, or other arguments); "
                    + "repeat the arguments of the call that returned it exactly, or " + START_OVER);
        }
        return StandardCharsets.UTF_8.decode(plain).toString();
    }

    /**
     * {@code sealed}, which this gateway issued for some call, sealed anew for {@code binding} with a fresh expiry
     * (a cached result handed to another caller of the same team); empty when no key of this gateway opens it.
     */
    public Optional<String> reseal(String sealed, CursorBinding binding) {
        return decrypt(sealed).map(plain -> {
            plain.position(EXPIRY_BYTES + DIGEST_BYTES);
            return seal(StandardCharsets.UTF_8.decode(plain).toString(), binding);
        });
    }

    /** The authenticated plaintext, or empty when the text is not a cursor some key of this gateway sealed. */
    private Optional<ByteBuffer> decrypt(String sealed) {
        if (sealed.length() > MAX_SEALED_CHARS) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < MIN_SEALED_BYTES || bytes[0] != VERSION) {
            return Optional.empty();
        }
        byte[] header = Arrays.copyOf(bytes, HEADER_BYTES);
        for (byte[] key : keys) {
            try {
                return Optional.of(ByteBuffer.wrap(cipher(Cipher.DECRYPT_MODE, key, header).doFinal(bytes, HEADER_BYTES,
                        bytes.length - HEADER_BYTES)));
            } catch (AEADBadTagException e) {
                // Not sealed with this key (or changed): try the next one.
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot open a cursor", e);
            }
        }
        return Optional.empty();
    }

    /** AES-256-GCM keyed by HMAC-SHA256(key, context || salt), with the header's nonce, the header as associated data. */
    private static Cipher cipher(int mode, byte[] key, byte[] header) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(CONTEXT);
        mac.update(header, 1, SALT_BYTES);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(mac.doFinal(), "AES"), new GCMParameterSpec(TAG_BYTES * 8, header, 1 + SALT_BYTES, NONCE_BYTES));
        cipher.updateAAD(header);
        return cipher;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[CursorsConfig.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String describe(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return duration.toHours() + "h";
        }
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + "m" : duration.toSeconds() + "s";
    }
}
