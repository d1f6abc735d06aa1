package dev.awsmcp.toolset.support;

import dev.awsmcp.toolset.api.ToolResult;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The part of turning an AWS SDK failure into a tool failure that is the same for every service:
 * bad arguments, deadlines, unreachable endpoints, access denied, throttling and the quoted AWS
 * message for anything else. A toolset creates one per service (immutable, thread-safe) and passes
 * {@link ServiceErrors} for the codes only its service gives a meaning. Anything that is neither an
 * AWS error nor a bad argument is a bug and stays an exception. Service errors are decided in this
 * order: {@code ServiceErrors}, access denied (known codes or HTTP 403), throttling, the caller's own errors
 * (other 4xx, 501), then upstream (5xx).
 */
public final class AwsFailures {

    /** Credentials may not do this, whatever the service; HTTP 403 counts too. */
    private static final Set<String> DENIED = Set.of("AccessDeniedException", "UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException",
            "AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken",
            "InvalidToken", "AccountProblem");

    /** The codes one service gives a meaning of its own, such as "not found" naming the tool that lists. */
    @FunctionalInterface
    public interface ServiceErrors {

        /** The result for {@code error} (not null), or {@code null} to let the generic rules decide. */
        ToolResult translate(AwsError error);
    }

    private final String service;
    private final String timeoutHint;
    private final String retryHint;

    /**
     * @param service the service as messages name it, e.g. {@code "DynamoDB"}
     * @param timeoutHint what to do after a missed deadline, completing "{@code <service> did not answer
     *     before the call's deadline; }"
     * @param retryHint appended to "wait a few seconds and retry" after throttling, e.g. {@code " with a
     *     smaller limit"}; may be empty
     */
    public AwsFailures(String service, String timeoutHint, String retryHint) {
        this.service = Objects.requireNonNull(service, "service");
        this.timeoutHint = Objects.requireNonNull(timeoutHint, "timeoutHint");
        this.retryHint = Objects.requireNonNull(retryHint, "retryHint");
    }

    /** The same translation with another {@code timeoutHint}, for a tool whose timeout means more. */
    public AwsFailures withTimeoutHint(String timeoutHint) {
        return new AwsFailures(service, timeoutHint, retryHint);
    }

    /**
     * Translates {@code failure} (possibly wrapped in {@link CompletionException} or
     * {@link ExecutionException}) into a {@link ToolResult.Failure}, asking {@code known} first about
     * any AWS error response.
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    public ToolResult translate(Throwable failure, ServiceErrors known) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ToolArgumentException) {
            return ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT, cause.getMessage());
        }
        if (isTimeout(cause)) {
            return ToolResult.failure(ToolResult.Kind.TIMEOUT, service + " did not answer before the call's deadline; "
                    + timeoutHint);
        }
        if (cause instanceof AwsServiceException) {
            AwsError error = AwsError.of((AwsServiceException) cause);
            ToolResult specific = known.translate(error);
            return specific != null ? specific : translateGeneric(error);
        }
        if (cause instanceof SdkException && !causedByBug(cause)) {
            String what = cause instanceof SdkClientException ? " could not be reached: " : " call failed: ";
            return ToolResult.failure(ToolResult.Kind.UPSTREAM, service + what + reason(cause));
        }
        throw failure instanceof CompletionException ? (CompletionException) failure : new CompletionException(failure);
    }

    /**
     * An answer AWS gave to this request as it stands: denied, throttled, or refused as a client error (4xx, and 501
     * for a feature the request asked for), which the caller fixes by changing the request; only the rest (5xx) says
     * the service failed. The difference matters beyond the message: only {@code UPSTREAM} and {@code TIMEOUT}
     * failures count against the service in the gateway's circuit breaker.
     */
    private ToolResult translateGeneric(AwsError error) {
        String quoted = "\"" + error.message() + "\"";
        int status = error.status();
        if (DENIED.contains(error.code()) || status == 403) {
            return ToolResult.failure(ToolResult.Kind.ACCESS_DENIED, "access denied by AWS: " + quoted);
        }
        if (error.exception().isThrottlingException()) {
            return throttled(error);
        }
        String answer = " (" + error.codeOrStatus() + "): " + quoted;
        if (status == 404) {
            return ToolResult.failure(ToolResult.Kind.NOT_FOUND, service + " found nothing by that name" + answer
                    + "; check the names in the arguments");
        }
        if (status == 409 || status == 412) {
            return ToolResult.failure(ToolResult.Kind.CONFLICT, service + " refused the request in the resource's current state"
                    + answer + "; read its state again before retrying");
        }
        if (status >= 400 && status < 500 || status == 501) {
            return ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT, service + " rejected the request" + answer
                    + "; change what it names and call again (the same request fails the same way)");
        }
        return ToolResult.failure(ToolResult.Kind.UPSTREAM, service + " failed" + answer);
    }

    /**
     * What an SDK client failure says went wrong, for messages: its message, or a fixed text when it has none (the
     * SDK then wrapped something without a reason of its own).
     */
    public static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "no reason given by the AWS SDK" : message;
    }

    /**
     * True when an SDK failure wraps a programming error (the SDK reports whatever an interceptor, a retry strategy or a
     * response handler throws as a client failure): a bug to log, not a service to blame.
     */
    private static boolean causedByBug(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof NullPointerException || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException
                    || t instanceof ArithmeticException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The throttling failure for {@code error} (not null), quoting AWS, for codes a service throttles
     * with beyond what {@link AwsServiceException#isThrottlingException()} recognises (HTTP 429 and the
     * SDK's throttling codes).
     */
    public ToolResult throttled(AwsError error) {
        return ToolResult.failure(ToolResult.Kind.THROTTLED, service + " throttled the request (" + error.codeOrStatus()
                + "): \"" + error.message() + "\"; wait a few seconds and retry" + retryHint);
    }

    /** The cause inside {@link CompletionException} and {@link ExecutionException} layers; never null for a non-null argument. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // Netty's ReadTimeoutException is not a java.util.concurrent.TimeoutException; match it by name.
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().equals("ReadTimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
