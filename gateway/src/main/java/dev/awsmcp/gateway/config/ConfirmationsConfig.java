package dev.awsmcp.gateway.config;

import java.time.Duration;
import java.util.List;

/**
 * How the gateway seals the confirmation state it hands MCP 2026-07-28 clients: a call a person must confirm
 * is answered with an elicitation and a sealed {@code requestState}, which the client sends back with the
 * person's answer. Every instance behind one load balancer needs the same {@code key}; without one, such clients
 * cannot confirm calls (they are refused with the reason; 2025-11-25 sessions confirm without it).
 * {@link #toString()} never shows a key.
 *
 * @param key base64 of at least 32 random bytes ({@code openssl rand -base64 32}); empty or absent: none
 * @param previousKeys keys that still open confirmation state but no longer seal it, for rotating the key
 * @param ttl how long a person has to answer; default {@code 5m}, at most {@code 1h}
 */
public record ConfirmationsConfig(String key, List<String> previousKeys, Duration ttl) {

    private static final Duration MAX_TTL = Duration.ofHours(1);

    public ConfirmationsConfig {
        key = SealingKeys.trimmed(key);
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
        ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
        SealingKeys.check("confirmations", key, previousKeys);
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new ConfigException("confirmations.ttl: " + Durations.format(ttl)
                    + " is longer than 1h; it is the time a person has to answer one question, so use e.g. 5m");
        }
    }

    /** The keys as bytes: the sealing key first, then the previous keys; empty when no key is configured. */
    public List<byte[]> keyBytes() {
        return SealingKeys.bytes("confirmations", key, previousKeys);
    }

    static ConfirmationsConfig defaults() {
        return new ConfirmationsConfig(null, null, null);
    }

    @Override
    public String toString() {
        return "ConfirmationsConfig[key=" + (key == null ? "none" : "(set)") + ", previousKeys=" + previousKeys.size()
                + ", ttl=" + Durations.format(ttl) + "]";
    }
}
