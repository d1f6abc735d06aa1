package dev.awsmcp.gateway.transport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many sessions one principal may start per minute on this instance: a resilience4j rate limiter
 * per principal (never waiting: a start over the rate is refused at once), kept in a bounded Caffeine
 * cache that forgets principals idle for two minutes.
 */
final class SessionStartRate {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(WINDOW.multipliedBy(2))
            .maximumSize(100_000)
            .build();

    SessionStartRate(int perMinute) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(perMinute)
                .limitRefreshPeriod(WINDOW)
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** The starts one principal may make per minute. */
    int perMinute() {
        return config.getLimitForPeriod();
    }

    /** Takes a start of {@code principalId}'s budget: empty when granted, else the whole seconds until the next one. */
    OptionalLong acquire(String principalId) {
        RateLimiter limiter = limiters.get(principalId, id -> RateLimiter.of("session-starts-" + id, config));
        if (limiter.acquirePermission()) {
            return OptionalLong.empty();
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : WINDOW.toNanos();
        return OptionalLong.of(Duration.ofNanos(Math.max(nanos, 0)).toSeconds() + 1);
    }
}
