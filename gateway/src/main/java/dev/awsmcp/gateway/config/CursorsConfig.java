package dev.awsmcp.gateway.config;

import java.time.Duration;
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
    public static final int MIN_KEY_BYTES = SealingKeys.MIN_KEY_BYTES;
    private static final Duration MAX_TTL = Duration.ofHours(24);

    public CursorsConfig {
        key = SealingKeys.trimmed(key);
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
        ttl = ttl == null ? Duration.ofHours(1) : ttl;
        SealingKeys.check("cursors", key, previousKeys);
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new ConfigException("cursors.ttl: " + Durations.format(ttl) + " is longer than 24h; a cursor continues one listing, so use e.g. 1h");
        }
    }

    /** The keys as bytes: the sealing key first, then the previous keys; empty when no key is configured. */
    public List<byte[]> keyBytes() {
        return SealingKeys.bytes("cursors", key, previousKeys);
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
