package dev.awsmcp.gateway.aws;

/**
 * Hears every failed attempt of an AWS request and what the gateway's retry rules decided about it
 * (for metrics: throttles, retries, give-ups). Called on SDK threads: implementations must be fast,
 * thread-safe and must not throw.
 */
@FunctionalInterface
public interface RetryListener {

    /** Hears nothing. */
    RetryListener NONE = (failure, decision) -> {
    };

    /** What the rules decided after a failed attempt. */
    enum Decision {
        /** Another attempt follows after a backoff. */
        RETRIED,
        /** The failure is not worth another attempt (e.g. access denied, or a 5xx of a write). */
        NOT_RETRYABLE,
        /** The request used all its attempts. */
        ATTEMPTS_EXHAUSTED,
        /** Another attempt would end past the call's deadline. */
        DEADLINE
    }

    /** An attempt failed with {@code failure}; {@link GatewayRetryStrategy#throttled(Throwable)} tells a throttle. */
    void attemptFailed(Throwable failure, Decision decision);
}
