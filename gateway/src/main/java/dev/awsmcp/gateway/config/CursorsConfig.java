package dev.awsmcp.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * How the gateway seals the paging cursors it hands out ({@code next_cursor}). Every instance behind
 * one load balancer needs the same {@code key}; without one, each process draws a random key at startup.
 * {@link #toString()} never shows a key.
 *
 * @param key base64 of at least {@value #MIN_KEY_BYTES} random bytes ({@code openssl rand -base64 32});
 *     empty or absent: a random key per process
 * @param previousKeys keys that still open cursors but no longer seal them, for rotating the key
 * @param ttl how long a cursor stays valid after it was handed out; default {@code 1h}, at most {@code 24h}
 */
public record CursorsConfig(String key, List<String> previousKeys, Duration ttl) {

    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;
    private static final Duration MAX_TTL = Duration.ofHours(24);

    public CursorsConfig {
        key = key == null || key.isBlank() ? null : key.trim();
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
        ttl = ttl == null ? Duration.ofHours(1) : ttl;
        if (key != null) {
            decode(key, "cursors.key");
        } else if (!previousKeys.isEmpty()) {
            throw new ConfigException("cursors.previousKeys: only with cursors.key; set the new key as cursors.key");
        }
        for (int i = 0; i < previousKeys.size(); i++) {
            decode(previousKeys.get(i), "cursors.previousKeys[" + i + "]");
        }
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new ConfigException("cursors.ttl: " + Durations.format(ttl) + " is longer than 24h; a cursor continues one listing, so use e.g. 1h");
        }
    }

    /** The keys as bytes: the sealing key first, then the previous keys; empty when no key is configured. */
    public List<byte[]> keyBytes() {
        List<byte[]> keys = new ArrayList<>();
        if (key != null) {
            keys.add(decode(key, "cursors.key"));
            previousKeys.forEach(k -> keys.add(decode(k, "cursors.previousKeys")));
        }
        return keys;
    }

    /** Neither the problem nor the message ever quotes the key: it is a secret shared by every instance. */
    private static byte[] decode(String value, String name) {
        String text = value == null ? "" : value.trim();
        byte[] bytes;
        try {
            bytes = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": not base64; generate a key with: openssl rand -base64 32");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new ConfigException(name + ": decodes to " + bytes.length + " bytes, fewer than " + MIN_KEY_BYTES
                    + "; generate a key with: openssl rand -base64 32");
        }
        return bytes;
    }

    static CursorsConfig defaults() {
        return new CursorsConfig(null, null, null);
    }

    @Override
    public String toString() {
        return "CursorsConfig[key=" + (key == null ? "random per process" : "(set)") + ", previousKeys=" + previousKeys.size()
                + ", ttl=" + Durations.format(ttl) + "]";
    }
}
