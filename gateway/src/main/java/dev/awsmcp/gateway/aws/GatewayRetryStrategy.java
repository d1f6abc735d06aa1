package dev.awsmcp.gateway.aws;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The only retry loop of the gateway's AWS requests, run by the SDK's non-blocking async retry: the
 * rules (attempts, full-jitter exponential backoff, which failures) are a resilience4j
 * {@link RetryConfig}; the SDK's own retries are replaced, so attempts never multiply. A per-call copy
 * ({@link #forCall}) also knows the call's deadline and whether the request may be repeated: no retry
 * starts whose backoff would end past the deadline, and a non-idempotent request is retried only after
 * throttling or a refused connection (it provably did not run).
 */
public final class GatewayRetryStrategy implements RetryStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRetryStrategy.class);

    /** Time an attempt needs at least to be worth starting before the deadline. */
    private static final Duration MINIMUM_ATTEMPT = Duration.ofMillis(50);

    private final RetryConfig rules;
    private final Instant deadline;
    private final RetryListener listener;

    private GatewayRetryStrategy(RetryConfig rules, Instant deadline, RetryListener listener) {
        this.rules = rules;
        this.deadline = deadline;
        this.listener = listener;
    }

    /** The client-wide strategy: idempotent rules, no deadline of its own (the SDK's api call timeout bounds it). */
    public static GatewayRetryStrategy create(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        return create(maxAttempts, baseDelay, maxDelay, RetryListener.NONE);
    }

    /** The client-wide strategy telling {@code listener} of every failed attempt (metrics). */
    public static GatewayRetryStrategy create(int maxAttempts, Duration baseDelay, Duration maxDelay, RetryListener listener) {
        return new GatewayRetryStrategy(rules(maxAttempts, baseDelay, maxDelay, true), null, listener);
    }

    /** This strategy for the requests of one call: bounded by {@code deadline}, with rules for {@code idempotent} requests or not. */
    public GatewayRetryStrategy forCall(Instant deadline, boolean idempotent) {
        RetryConfig callRules = RetryConfig.from(rules).retryOnException(e -> TransientFailures.retryable(e, idempotent)).build();
        return new GatewayRetryStrategy(callRules, deadline, listener);
    }

    /** True when {@code failure} is AWS throttling the request (by error code or HTTP 429). */
    public static boolean throttled(Throwable failure) {
        return failure instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && TransientFailures.throttled(service);
    }

    private static RetryConfig rules(int maxAttempts, Duration baseDelay, Duration maxDelay, boolean idempotent) {
        long base = baseDelay.toMillis();
        long max = maxDelay.toMillis();
        // Full jitter: a uniform delay between 0 and the capped exponential bound (attempt counts from 1).
        IntervalFunction fullJitter = attempt -> ThreadLocalRandom.current()
                .nextLong(Math.min(max, base << Math.min(attempt - 1, 20)) + 1);
        return RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(fullJitter)
                .retryOnException(e -> TransientFailures.retryable(e, idempotent))
                .build();
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return AcquireInitialTokenResponse.create(new Attempt(1), Duration.ZERO);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Attempt attempt = (Attempt) request.token();
        Throwable failure = request.failure();
        if (!retryable(failure)) {
            listener.attemptFailed(failure, RetryListener.Decision.NOT_RETRYABLE);
            throw new TokenAcquisitionFailedException("not retryable", attempt, failure);
        }
        if (attempt.number() >= rules.getMaxAttempts()) {
            listener.attemptFailed(failure, RetryListener.Decision.ATTEMPTS_EXHAUSTED);
            throw new TokenAcquisitionFailedException("giving up after " + attempt.number() + " attempts", attempt, failure);
        }
        Duration delay = Duration.ofMillis(rules.getIntervalBiFunction().apply(attempt.number(), null));
        if (deadline != null && Instant.now().plus(delay).plus(MINIMUM_ATTEMPT).isAfter(deadline)) {
            listener.attemptFailed(failure, RetryListener.Decision.DEADLINE);
            throw new TokenAcquisitionFailedException("no time left before the call's deadline", attempt, failure);
        }
        listener.attemptFailed(failure, RetryListener.Decision.RETRIED);
        return RefreshRetryTokenResponse.create(new Attempt(attempt.number() + 1), delay);
    }

    /**
     * The rules' verdict on {@code failure}. Whatever the SDK gets thrown from here replaces the AWS answer by a
     * reasonless client error, so a fault in the rules is logged and the failure reported as it is, not retried.
     */
    private boolean retryable(Throwable failure) {
        try {
            return rules.getExceptionPredicate().test(failure);
        } catch (RuntimeException e) {
            LOG.error("retry rules failed on {}; the request is not retried", failure, e);
            return false;
        }
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return RecordSuccessResponse.create(request.token());
    }

    @Override
    public int maxAttempts() {
        return rules.getMaxAttempts();
    }

    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The attempt a request is on, 1 for the first. */
    private record Attempt(int number) implements RetryToken {
    }

    /** Changes only the number of attempts; the gateway's rules are not meant to be rewritten by the SDK. */
    public static final class Builder implements RetryStrategy.Builder<Builder, GatewayRetryStrategy> {
        private final GatewayRetryStrategy from;
        private int maxAttempts;

        private Builder(GatewayRetryStrategy from) {
            this.from = from;
            this.maxAttempts = from.maxAttempts();
        }

        @Override
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        @Override
        public Builder retryOnException(java.util.function.Predicate<Throwable> shouldRetry) {
            throw unsupported();
        }

        @Override
        public Builder backoffStrategy(BackoffStrategy backoffStrategy) {
            throw unsupported();
        }

        @Override
        public Builder throttlingBackoffStrategy(BackoffStrategy backoffStrategy) {
            throw unsupported();
        }

        @Override
        public Builder treatAsThrottling(java.util.function.Predicate<Throwable> treatAsThrottling) {
            throw unsupported();
        }

        @Override
        public GatewayRetryStrategy build() {
            return new GatewayRetryStrategy(RetryConfig.from(from.rules).maxAttempts(maxAttempts).build(), from.deadline, from.listener);
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("the gateway's retry rules are fixed; configure resilience.retry instead");
        }
    }
}
