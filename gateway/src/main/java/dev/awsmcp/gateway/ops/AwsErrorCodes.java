package dev.awsmcp.gateway.ops;

import dev.awsmcp.gateway.aws.TransientFailures;
import dev.awsmcp.toolset.support.AwsFailures;
import java.io.IOException;
import java.net.ConnectException;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Label values for a failed AWS request: the AWS error code (e.g. {@code ThrottlingException}) or a
 * fixed name for failures without one. Never the message, which may name resources.
 */
final class AwsErrorCodes {

    /** What an error code label may look like; anything else is {@value #OTHER}. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.]{1,64}");
    static final String OTHER = "Other";
    static final String UNKNOWN_SERVICE = "unknown";

    private AwsErrorCodes() {
    }

    /** The error code label of {@code failure}. */
    static String code(Throwable failure) {
        Throwable cause = AwsFailures.unwrap(failure);
        if (cause instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return code == null || code.isBlank() ? "Http" + service.statusCode() : sanitize(code);
        }
        if (causedBy(cause, ApiCallTimeoutException.class)) {
            return "ApiCallTimeout";
        }
        if (causedBy(cause, ApiCallAttemptTimeoutException.class)) {
            return "AttemptTimeout";
        }
        if (cause instanceof SdkClientException) {
            if (causedBy(cause, ConnectException.class)) {
                return "ConnectionRefused";
            }
            if (TransientFailures.connectionNotAcquired(cause)) {
                return "ConnectionNotAcquired";
            }
            return causedBy(cause, IOException.class) ? "IOError" : "ClientError";
        }
        return OTHER;
    }

    /** The service named in an AWS error response ({@code DynamoDb}, {@code Sts}, ...), else {@value #UNKNOWN_SERVICE}. */
    static String service(Throwable failure) {
        Throwable cause = AwsFailures.unwrap(failure);
        if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().serviceName() != null) {
            return sanitize(service.awsErrorDetails().serviceName());
        }
        return UNKNOWN_SERVICE;
    }

    static String sanitize(String value) {
        return value != null && CODE.matcher(value).matches() ? value : OTHER;
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
