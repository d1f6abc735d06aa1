package dev.awsmcp.gateway.resilience;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.config.ResilienceConfig;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.toolset.api.ToolResult;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A circuit breaker per (toolset, region, team) and a bulkhead per toolset around every toolset call. The
 * breaker counts calls that ended in an upstream failure or a timeout (not caller errors, not-found,
 * throttling or denials, which prove the service answers); once open it refuses that team's calls for
 * {@code openFor}, then lets one probe through, whose outcome closes or reopens it. Per team, so that one
 * team's calls that fail for reasons of their own (expensive queries timing out, input a backend chokes on)
 * cannot cut every other team off the service; a real outage opens each calling team's breaker after its own
 * {@code minimumCalls}. The bulkhead is a semaphore taken without waiting: a toolset at its cap refuses
 * further calls at once, so a slow service cannot hold every dispatch thread or connection.
 */
final class ServiceGuard {

    private final CircuitBreakerConfig breakerConfig;
    private final BulkheadConfig bulkheadConfig;
    private final Duration openFor;
    private final CircuitBreakerRegistry breakers;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
    private final BulkheadRegistry bulkheads;

    ServiceGuard(ResilienceConfig.Breaker breaker, ResilienceConfig.Bulkhead bulkhead) {
        this.openFor = breaker.openFor();
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.minimumCalls())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build();
        this.bulkheadConfig = BulkheadConfig.custom()
                .maxConcurrentCalls(bulkhead.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build();
        this.breakers = CircuitBreakerRegistry.of(breakerConfig);
        this.bulkheads = BulkheadRegistry.of(bulkheadConfig);
        breakers.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(e.getCircuitBreakerName(), Instant.now());
            }
        }));
    }

    /**
     * Runs {@code call} of {@code team} for {@code instance} when the team's breaker and the toolset's bulkhead allow;
     * otherwise a failed future with {@link CallRejectedException}.
     */
    CompletableFuture<ToolResult> call(ToolsetInstance instance, String team, Supplier<? extends CompletionStage<ToolResult>> call) {
        String service = instance.config().type() + " (toolset " + instance.id() + ")";
        String region = instance.config().region().id();
        CircuitBreaker breaker = breaker(name(instance.id(), region, team));
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(new CallRejectedException(ErrorKind.CIRCUIT_OPEN, service + " in " + region
                    + " failed the last calls of team " + team + "; the gateway stopped sending them for "
                    + secondsOpen(breaker.getName()) + "s. Try again later or use another toolset meanwhile."));
        }
        Bulkhead bulkhead = bulkheads.bulkhead(instance.id());
        if (!bulkhead.tryAcquirePermission()) {
            breaker.releasePermission();
            return CompletableFuture.failedFuture(new CallRejectedException(ErrorKind.BULKHEAD_FULL, service + " is already running "
                    + bulkheadConfig.getMaxConcurrentCalls() + " calls at once; retry in a few seconds"));
        }
        long start = System.nanoTime();
        CompletableFuture<ToolResult> result;
        try {
            result = call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.whenComplete((outcome, failure) -> {
            bulkhead.onComplete();
            record(breaker, outcome, failure, System.nanoTime() - start);
        });
    }

    /** The breakers of {@code toolsetId} that are not closed, by team, with when each lets a probe through. */
    List<BreakerStatus> notClosed(String toolsetId) {
        return breakersOf(toolsetId).filter(b -> b.getState() != CircuitBreaker.State.CLOSED)
                .map(this::status)
                .sorted(Comparator.comparing(BreakerStatus::team))
                .toList();
    }

    /** How many breakers of {@code toolsetId} are in {@code state}. */
    long count(String toolsetId, CircuitBreaker.State state) {
        return breakersOf(toolsetId).filter(b -> b.getState() == state).count();
    }

    private Stream<CircuitBreaker> breakersOf(String toolsetId) {
        String prefix = toolsetId + "/";
        return breakers.getAllCircuitBreakers().stream().filter(b -> b.getName().startsWith(prefix));
    }

    /** The bulkheads, named by toolset id, created on first use (for metrics). */
    BulkheadRegistry bulkheads() {
        return bulkheads;
    }

    private CircuitBreaker breaker(String name) {
        return breakers.circuitBreaker(name);
    }

    /** No part has a slash: toolset ids become tool names ({@code [A-Za-z0-9_-]}), team names are {@code [a-z0-9-]}. */
    private static String name(String toolsetId, String region, String team) {
        return toolsetId + "/" + region + "/" + team;
    }

    private BreakerStatus status(CircuitBreaker breaker) {
        String[] parts = breaker.getName().split("/", 3);
        Instant probe = breaker.getState() == CircuitBreaker.State.OPEN ? halfOpensAt(breaker.getName()) : null;
        return new BreakerStatus(parts[0], parts[1], parts[2], breaker.getState().name(), probe);
    }

    private Instant halfOpensAt(String name) {
        return openedAt.getOrDefault(name, Instant.now()).plus(openFor);
    }

    private long secondsOpen(String name) {
        Duration left = Duration.between(Instant.now(), halfOpensAt(name));
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    private static void record(CircuitBreaker breaker, ToolResult outcome, Throwable failure, long nanos) {
        if (outcome instanceof ToolResult.Failure f && (f.kind() == ToolResult.Kind.UPSTREAM || f.kind() == ToolResult.Kind.TIMEOUT)) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new UpstreamFailure(f.message()));
        } else if (failure != null) {
            // A toolset bug says nothing about the service.
            breaker.releasePermission();
        } else {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** What the breaker records for a failed call. */
    private static final class UpstreamFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UpstreamFailure(String message) {
            super(message, null, false, false);
        }
    }
}
