package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.support.AwsError;
import dev.awsmcp.toolset.support.AwsFailures;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * The one place where CloudWatch Logs and SDK exceptions become tool failures the model can act on;
 * the codes only CloudWatch Logs gives a meaning are here, the rest is {@link AwsFailures}.
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

    private static final AwsFailures FAILURES = new AwsFailures("CloudWatch Logs", "retry", " with a narrower window or smaller limit");
    /** Timeout advice by tool: only the time-windowed tools talk about windows. */
    private static final Map<String, AwsFailures> BY_TOOL = Map.of(
            "describe_log_groups", FAILURES.withTimeoutHint("ask for fewer groups (limit) or give a longer prefix, or retry"),
            "describe_log_streams", FAILURES.withTimeoutHint("ask for fewer streams (limit) or give a prefix, or retry"),
            "filter_log_events", FAILURES.withTimeoutHint(
                    "narrow the time window, name fewer streams or ask for fewer events (limit), or retry"),
            "get_log_events", FAILURES.withTimeoutHint("narrow the time window or ask for fewer events (limit), or retry"),
            "run_insights_query", FAILURES.withTimeoutHint("narrow the time window or the query, or retry"));
    /** Beyond what the SDK counts as throttling. */
    private static final Set<String> THROTTLING = Set.of("ServiceQuotaExceededException", "ServiceUnavailableException");
    private static final Set<String> INVALID = Set.of("InvalidParameterException", "MalformedQueryException",
            "ValidationException", "InvalidOperationException", "SerializationException");

    private final ToolsetConfig config;

    LogsErrorTranslator(ToolsetConfig config) {
        this.config = config;
    }

    /**
     * Translates {@code failure} of a call of {@code tool} (its short name; empty for the health check) about {@code subject}.
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    ToolResult translate(Throwable failure, String tool, Subject subject) {
        return BY_TOOL.getOrDefault(tool, FAILURES).translate(failure, error -> translateService(error, subject));
    }

    private ToolResult translateService(AwsError error, Subject subject) {
        String code = error.code();
        if (error.exception() instanceof ResourceNotFoundException || "ResourceNotFoundException".equals(code)) {
            return ToolResult.failure(Kind.NOT_FOUND, notFound(subject, error.message()));
        }
        if (INVALID.contains(code)) {
            String what = "MalformedQueryException".equals(code) ? "CloudWatch Logs Insights rejected the query"
                    : "CloudWatch Logs rejected the request";
            return ToolResult.failure(Kind.INVALID_ARGUMENT, what + ": \"" + error.message() + "\"");
        }
        if ("LimitExceededException".equals(code)) {
            return ToolResult.failure(Kind.THROTTLED, "too many concurrent requests or Insights queries (" + code + "): \""
                    + error.message() + "\"; wait for running queries to finish and retry with a narrower window or smaller limit");
        }
        if (THROTTLING.contains(code)) {
            return FAILURES.throttled(error);
        }
        return null;
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
}
