package dev.awsmcp.gateway.resilience;

import dev.awsmcp.gateway.aws.GatewayRetryStrategy;
import dev.awsmcp.gateway.aws.RetryListener;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.config.ResilienceConfig;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.ToolResult;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Everything the call pipeline does to stay responsive and spare AWS quota, in one place: the retry
 * rules of every AWS request ({@link #retryStrategy()} for clients, {@link #requestPlugin} per call),
 * the circuit breaker and bulkhead around each toolset call ({@link #guard}) and the read-only result
 * cache ({@link #cached}, {@link #remember}). Built once per runtime from {@link ResilienceConfig};
 * thread-safe.
 */
public final class CallResilience {

    private final GatewayRetryStrategy retry;
    private final ServiceGuard guard;
    private final CacheTtls ttls;
    private final ResultCache cache;
    private final Duration callTimeout;

    private CallResilience(ResilienceConfig config, Duration callTimeout, RetryListener retries) {
        ResilienceConfig.Retry r = config.retry();
        this.retry = GatewayRetryStrategy.create(r.maxAttempts(), r.baseDelay(),
                r.maxDelay(), retries);
        this.guard = new ServiceGuard(config.breaker(), config.bulkhead());
        this.ttls = new CacheTtls(config.cache());
        this.cache = config.cache().enabled() ? new ResultCache(config.cache().maxEntries()) : null;
        this.callTimeout = callTimeout;
    }

    /** The resilience of a runtime whose calls have {@code callTimeout} as their deadline. */
    public static CallResilience create(ResilienceConfig config, Duration callTimeout) {
        return create(config, callTimeout, RetryListener.NONE);
    }

    /** The same, telling {@code retries} of every failed AWS request attempt. */
    public static CallResilience create(ResilienceConfig config, Duration callTimeout, RetryListener retries) {
        return new CallResilience(config, callTimeout, retries);
    }

    /** How many breakers of toolset {@code toolsetId} (one per team that called it) are in {@code state}, for metrics. */
    public long breakersIn(String toolsetId, CircuitBreaker.State state) {
        return guard.count(toolsetId, state);
    }

    /** The breakers of toolset {@code toolsetId} that are open or half-open, by team, for health answers. */
    public List<BreakerStatus> breakersNotClosed(String toolsetId) {
        return guard.notClosed(toolsetId);
    }

    /** The bulkheads, one per toolset named by its id, for metrics. */
    public BulkheadRegistry bulkheads() {
        return guard.bulkheads();
    }

    /** The result cache's Caffeine cache (for its statistics), or empty when the cache is off. */
    public Optional<com.github.benmanes.caffeine.cache.Cache<?, ?>> cacheStatistics() {
        return cache == null ? Optional.empty() : Optional.of(cache.statistics());
    }

    /** The strategy every AWS client is built with (requests outside a call: idempotent rules, no deadline). */
    public RetryStrategy retryStrategy() {
        return retry;
    }

    /**
     * The plugin each AWS request of a call of an {@code access} tool carries: the retry rules bounded by
     * {@code deadline}; requests of WRITE and INVOKE tools are retried only when AWS did not run them.
     */
    public SdkPlugin requestPlugin(Access access, Instant deadline) {
        GatewayRetryStrategy strategy = retry.forCall(deadline, access == Access.READ);
        return config -> config.overrideConfiguration(config.overrideConfiguration().toBuilder().retryStrategy(strategy).build());
    }

    /**
     * Runs {@code call} of {@code tool} for {@code team} through the team's circuit breaker for the toolset and the
     * toolset's bulkhead; a refused call fails with {@link CallRejectedException}. A toolset timeout is reworded to
     * say how long the call had.
     */
    public CompletableFuture<ToolResult> guard(RegisteredTool tool, String team, Supplier<? extends CompletionStage<ToolResult>> call) {
        return guard.call(tool.instance(), team, call).thenApply(result -> result instanceof ToolResult.Failure f
                && f.kind() == ToolResult.Kind.TIMEOUT ? ToolResult.failure(ToolResult.Kind.TIMEOUT, timedOut(tool, f.message())) : result);
    }

    /**
     * The message of a call that missed its deadline. {@code detail} (nullable) is what the toolset said, with advice
     * that fits the tool; without it the gateway only knows the tool's access class.
     */
    public String timedOut(RegisteredTool tool, String detail) {
        String timedOut = tool.name() + " timed out after " + callTimeout.toSeconds() + "s";
        if (detail != null) {
            return timedOut + ": " + detail;
        }
        return timedOut + (tool.spec().access() == Access.READ ? "; retry in a moment"
                : "; it may or may not have taken effect: check before retrying");
    }

    /**
     * What a call's cached result is kept under: the deciding {@code team}, the caller's {@code teams}, the tool
     * and its canonical arguments.
     */
    public CacheKey cacheKey(RegisteredTool tool, String team, Collection<String> teams, ObjectNode arguments) {
        // No cache, or a tool it keeps nothing of: no key (it costs a canonical serialization of the arguments).
        boolean kept = cache != null && !ttl(tool).isZero();
        return new CacheKey(tool, kept ? ResultCache.key(team, new TreeSet<>(teams), tool.toolsetId(), tool.spec().name(), arguments) : null);
    }

    /**
     * The result kept for {@code key} within its tool's TTL, if any. {@code R} is the type the caller kept with
     * {@link #remember}: the pipeline keeps one type of result only.
     */
    @SuppressWarnings("unchecked")
    public <R> Optional<CachedResult<R>> cached(CacheKey key) {
        if (key.key() == null) {
            return Optional.empty();
        }
        return cache.get(key.key()).map(hit -> (CachedResult<R>) hit);
    }

    /** Keeps {@code result} (a success, as the model got it) when its tool is cacheable; returns it. */
    public <R> R remember(CacheKey key, R result) {
        if (key.key() != null) {
            cache.put(key.key(), result, ttl(key.tool()));
        }
        return result;
    }

    /** One call's place in the result cache ({@code key} null: the call is not cached); from {@link #cacheKey}. */
    public record CacheKey(RegisteredTool tool, ResultCache.Key key) {
    }

    /**
     * A cached result and its age.
     *
     * @param result the result as it was kept
     * @param age how long ago it was kept
     */
    public record CachedResult<R>(R result, Duration age) {
    }

    /** Forgets every cached result, e.g. after a policy change. */
    public void clearCache() {
        if (cache != null) {
            cache.clear();
        }
    }

    private Duration ttl(RegisteredTool tool) {
        return ttls.ttl(tool.instance().config(), tool.spec());
    }
}
