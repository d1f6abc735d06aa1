package dev.awsmcp.gateway.call;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-team {@code limits.callsPerMinute} of the policies (resilience4j rate limiters, one per team
 * and limit, never waiting: a call over the limit is refused at once). Per gateway instance.
 */
public final class TeamRateLimits implements CallRateLimiter {

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<OptionalLong> acquire(String team, int perMinute) {
        return CompletableFuture.completedFuture(acquireNow(team, perMinute));
    }

    /** {@link #acquire}, answered at once. */
    public OptionalLong acquireNow(String team, int perMinute) {
        if (perMinute <= 0) {
            return OptionalLong.empty();
        }
        RateLimiter limiter = limiters.compute(team, (name, existing) ->
                existing != null && existing.getRateLimiterConfig().getLimitForPeriod() == perMinute ? existing : create(name, perMinute));
        if (limiter.acquirePermission()) {
            return OptionalLong.empty();
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 60_000_000_000L;
        return OptionalLong.of(Math.max(1, Duration.ofNanos(Math.max(nanos, 0)).toSeconds() + 1));
    }

    private static RateLimiter create(String team, int perMinute) {
        return RateLimiter.of("team-" + team, RateLimiterConfig.custom()
                .limitForPeriod(perMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }
}
