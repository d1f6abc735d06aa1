package dev.awsmcp.gateway.config;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the gateway protects AWS and itself: retries of single AWS requests, a circuit breaker per
 * (toolset, region), a bulkhead per toolset and the read-only result cache. Every field has a default
 * (see docs/resilience.md); unknown keys are rejected.
 *
 * @param retry retries of throttled and transient AWS request failures
 * @param breaker the circuit breaker of each (toolset, region)
 * @param bulkhead the cap on concurrent calls of each toolset
 * @param cache the read-only result cache
 */
public record ResilienceConfig(Retry retry, Breaker breaker, Bulkhead bulkhead, Cache cache) {
    public ResilienceConfig {
        retry = retry == null ? new Retry(null, null, null) : retry;
        breaker = breaker == null ? new Breaker(null, null, null) : breaker;
        bulkhead = bulkhead == null ? new Bulkhead(null) : bulkhead;
        cache = cache == null ? new Cache(null, null, null) : cache;
    }

    static ResilienceConfig defaults() {
        return new ResilienceConfig(null, null, null, null);
    }

    /**
     * @param maxAttempts attempts of one AWS request, the first included (default 4; 1 turns retries off)
     * @param baseDelay backoff before the first retry, doubled per attempt, fully jittered (default 100ms)
     * @param maxDelay the longest backoff (default 5s)
     */
    public record Retry(Integer maxAttempts, Duration baseDelay, Duration maxDelay) {
        public Retry {
            maxAttempts = maxAttempts == null ? 4 : maxAttempts;
            baseDelay = baseDelay == null ? Duration.ofMillis(100) : baseDelay;
            maxDelay = maxDelay == null ? Duration.ofSeconds(5) : maxDelay;
            if (maxAttempts < 1 || maxAttempts > 10) {
                throw new ConfigException("resilience.retry.maxAttempts: must be between 1 and 10, was " + maxAttempts);
            }
            if (baseDelay.compareTo(maxDelay) > 0) {
                throw new ConfigException("resilience.retry.baseDelay: must not exceed maxDelay");
            }
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls among the last {@code minimumCalls} that opens
     *     the breaker (default 50)
     * @param minimumCalls calls the breaker needs to see before it may open; also its window (default 10)
     * @param openFor how long an open breaker refuses calls before one probe may pass (default 30s)
     */
    public record Breaker(Integer failureRateThreshold, Integer minimumCalls, Duration openFor) {
        public Breaker {
            failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
            minimumCalls = minimumCalls == null ? 10 : minimumCalls;
            openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
            if (failureRateThreshold < 1 || failureRateThreshold > 100) {
                throw new ConfigException("resilience.breaker.failureRateThreshold: must be a percentage 1..100, was "
                        + failureRateThreshold);
            }
            if (minimumCalls < 1) {
                throw new ConfigException("resilience.breaker.minimumCalls: must be at least 1");
            }
        }
    }

    /** @param maxConcurrentCalls calls one toolset may run at once; more are refused at once (default 32) */
    public record Bulkhead(Integer maxConcurrentCalls) {
        public Bulkhead {
            maxConcurrentCalls = maxConcurrentCalls == null ? 32 : maxConcurrentCalls;
            if (maxConcurrentCalls < 1) {
                throw new ConfigException("resilience.bulkhead.maxConcurrentCalls: must be at least 1");
            }
        }
    }

    /**
     * @param enabled whether READ tool results are cached (default true)
     * @param maxEntries the most results kept (default 10000)
     * @param ttl per-tool time to live overriding the built-in table: keys {@code <toolset id>.<tool>} or
     *     {@code <toolset id>.*}, values a duration or {@code off} (zero: not cached)
     */
    public record Cache(Boolean enabled, Integer maxEntries, @Durations.MayBeZero Map<String, Duration> ttl) {
        private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+\\.([a-z0-9_]+|\\*)");

        public Cache {
            enabled = enabled == null || enabled;
            maxEntries = maxEntries == null ? 10_000 : maxEntries;
            ttl = ttl == null ? Map.of() : Map.copyOf(ttl);
            if (maxEntries < 1) {
                throw new ConfigException("resilience.cache.maxEntries: must be at least 1");
            }
            ttl.forEach((key, value) -> {
                if (!KEY.matcher(key).matches()) {
                    throw new ConfigException("resilience.cache.ttl: key '" + key + "' must be <toolset id>.<tool> or <toolset id>.*");
                }
            });
        }
    }
}
