package dev.awsmcp.gateway.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Which AWS request failures are worth another attempt. Throttling is always retryable: AWS refused
 * the request before executing it. 5xx answers and broken connections are retryable only for
 * idempotent requests, because the request may have run; a refused connection proves it was never sent.
 */
final class TransientFailures {

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
            return causedBy(failure, ConnectException.class) || idempotent && causedBy(failure, IOException.class);
        }
        return false;
    }

    static boolean throttled(AwsServiceException service) {
        return service.isThrottlingException() || service.statusCode() == 429
                || service.awsErrorDetails() != null && THROTTLING.contains(service.awsErrorDetails().errorCode());
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
