package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * The one place where CloudWatch Logs and SDK exceptions become tool failures the model can act on.
 * Anything that is neither an AWS error nor a bad argument is a bug and stays an exception.
 */
final class LogsErrorTranslator {

    /**
     * What a failed call was about, for messages that name it.
     *
     * @param logGroups the groups the call touched; may be empty
     * @param stream the log stream, or {@code null}
     * @param queryId the Insights query id, or {@code null}
     */
    record Subject(List<String> logGroups, String stream, String queryId) {
        Subject {
            logGroups = List.copyOf(logGroups);
        }

        static final Subject NONE = new Subject(List.of(), null, null);
    }

    private static final Set<String> THROTTLING = Set.of("ThrottlingException", "LimitExceededException",
            "ServiceQuotaExceededException", "ServiceUnavailableException", "RequestLimitExceeded", "TooManyRequestsException");
    private static final Set<String> DENIED = Set.of("AccessDeniedException", "UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException");
    private static final Set<String> INVALID = Set.of("InvalidParameterException", "MalformedQueryException",
            "ValidationException", "InvalidOperationException", "SerializationException");

    private final ToolsetConfig config;

    LogsErrorTranslator(ToolsetConfig config) {
        this.config = config;
    }

    /**
     * Translates {@code failure} of a call about {@code subject}.
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    ToolResult translate(Throwable failure, Subject subject) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ToolArgumentException) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, cause.getMessage());
        }
        if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
            return ToolResult.failure(Kind.TIMEOUT, "CloudWatch Logs did not answer before the call's deadline; "
                    + "narrow the time window, name fewer streams or ask for fewer events (limit), or retry");
        }
        if (cause instanceof CloudWatchLogsException) {
            return translateService((CloudWatchLogsException) cause, subject);
        }
        if (cause instanceof SdkClientException) {
            return ToolResult.failure(Kind.UPSTREAM, "CloudWatch Logs could not be reached: " + cause.getMessage());
        }
        if (cause instanceof SdkException) {
            return ToolResult.failure(Kind.UPSTREAM, "CloudWatch Logs call failed: " + cause.getMessage());
        }
        throw failure instanceof CompletionException ? (CompletionException) failure : new CompletionException(failure);
    }

    private ToolResult translateService(CloudWatchLogsException e, Subject subject) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? String.valueOf(e.getMessage()) : e.awsErrorDetails().errorMessage();
        if (e instanceof ResourceNotFoundException || "ResourceNotFoundException".equals(code)) {
            return ToolResult.failure(Kind.NOT_FOUND, notFound(subject, message));
        }
        if (INVALID.contains(code)) {
            String what = "MalformedQueryException".equals(code) ? "CloudWatch Logs Insights rejected the query"
                    : "CloudWatch Logs rejected the request";
            return ToolResult.failure(Kind.INVALID_ARGUMENT, what + ": \"" + message + "\"");
        }
        if (DENIED.contains(code) || e.statusCode() == 403) {
            return ToolResult.failure(Kind.ACCESS_DENIED, "access denied by AWS: \"" + message + "\"");
        }
        if (THROTTLING.contains(code) || e.isThrottlingException()) {
            String hint = "LimitExceededException".equals(code)
                    ? "too many concurrent requests or Insights queries (" + code + "); wait for running queries to finish "
                    : "CloudWatch Logs throttled the request (" + code + "); wait a few seconds ";
            return ToolResult.failure(Kind.THROTTLED, hint + "and retry with a narrower window or smaller limit");
        }
        return ToolResult.failure(Kind.UPSTREAM, "CloudWatch Logs failed (" + (code.isEmpty() ? "HTTP " + e.statusCode() : code)
                + "): \"" + message + "\"");
    }

    private String notFound(Subject subject, String awsMessage) {
        String groups = config.exposedName("describe_log_groups");
        String streams = config.exposedName("describe_log_streams");
        if (subject.queryId() != null) {
            return "Insights query " + subject.queryId() + " not found (results are kept for 7 days); start a new one with "
                    + config.exposedName("run_insights_query");
        }
        List<String> names = subject.logGroups();
        if (subject.stream() != null && names.size() == 1) {
            String group = names.get(0);
            if (awsMessage.toLowerCase(Locale.ROOT).contains("log stream")) {
                return "log stream " + subject.stream() + " not found in log group " + group + "; call " + streams
                        + " to see its streams";
            }
            return "log group " + group + " or its stream " + subject.stream() + " not found; call " + groups
                    + " or " + streams;
        }
        if (names.isEmpty()) {
            return "log group not found; call " + groups + " to see the log groups";
        }
        String what = names.size() == 1 ? "log group " + names.get(0) : "one of the log groups " + String.join(", ", names);
        return what + " not found; call " + groups + " to see the log groups";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
