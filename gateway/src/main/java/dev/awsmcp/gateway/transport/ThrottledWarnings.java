package dev.awsmcp.gateway.transport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Which refusals to log: the first per key (a principal, a client address) in a minute, so that a
 * client retrying in a loop leaves one warning a minute in the log, not thousands.
 */
final class ThrottledWarnings {

    private final Cache<String, Boolean> warned = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    /** Whether a refusal for {@code key} should be logged now (true once a minute per key). */
    boolean first(String key) {
        return warned.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }
}
