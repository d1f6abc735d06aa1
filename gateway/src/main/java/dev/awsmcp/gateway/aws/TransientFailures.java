package dev.awsmcp.gateway.aws;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Which AWS request failures are worth another attempt. Throttling is always retryable: AWS refused
 * the request before executing it. 5xx answers and broken connections are retryable only for
 * idempotent requests, because the request may have run; a refused connection, or no connection from
 * the pool in time ({@link #connectionNotAcquired}), proves it was never sent.
 */
public final class TransientFailures {

    /** Throttling codes beyond what {@link AwsServiceException#isThrottlingException()} knows. */
    private static final Set<String> THROTTLING = Set.of("ThrottlingException", "Throttling", "ThrottledException",
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "TooManyRequestsException", "SlowDown",
            "RequestThrottled", "RequestThrottledException");

    private TransientFailures() {
    }

    /** True when a request that failed with {@code failure} may be sent again. */
    static boolean retryable(Throwable failure, boolean idempotent) {
        if (failure == null || causedBy(failure, ApiCallTimeoutException.class)) {
            return false;
        }
        if (failure instanceof AwsServiceException service) {
            return throttled(service) || idempotent && service.statusCode() >= 500;
        }
        if (failure instanceof SdkClientException) {
            return causedBy(failure, ConnectException.class) || connectionNotAcquired(failure)
                    || idempotent && causedBy(failure, IOException.class);
        }
        return false;
    }

    /**
     * True when the HTTP client gave up waiting for a pooled connection (Netty client: a
     * {@link TimeoutException} "Acquire operation took longer than N milliseconds"): nothing was sent. Besides a
     * full pool, this is how a refused connection sometimes ends: the SDK's Netty client (2.41.x) now and then does
     * not report the refusal of a first connection to an endpoint and leaves the request waiting out the whole
     * acquisition timeout (TransientFailuresTest). Another attempt connects anew and fails (or succeeds) properly.
     */
    public static boolean connectionNotAcquired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException && t.getMessage() != null && t.getMessage().startsWith("Acquire operation")) {
                return true;
            }
        }
        return false;
    }

    /** True for throttling by error code or HTTP 429; bodyless answers (HEAD requests) have no code and are judged by status alone. */
    static boolean throttled(AwsServiceException service) {
        if (service.isThrottlingException() || service.statusCode() == 429) {
            return true;
        }
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return code != null && THROTTLING.contains(code);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
