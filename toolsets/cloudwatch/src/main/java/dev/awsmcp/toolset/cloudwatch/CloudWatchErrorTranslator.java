package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsError;
import dev.awsmcp.toolset.support.AwsFailures;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * The one place where CloudWatch and SDK exceptions become tool failures the model can act on; the codes
 * only CloudWatch gives a meaning are here, the rest is {@link AwsFailures}. Rejected arguments quote AWS
 * and add what to check for the tool that failed.
 */
final class CloudWatchErrorTranslator {

    private static final AwsFailures FAILURES = new AwsFailures("CloudWatch",
            "narrow the window, use a longer period or ask for fewer entries (limit), then retry",
            " with a narrower window or fewer statistics");
    private static final Set<String> NOT_FOUND = Set.of("ResourceNotFound", "ResourceNotFoundException");
    private static final Set<String> INVALID = Set.of("InvalidParameterValue", "InvalidParameterCombination", "MissingParameter",
            "InvalidFormat", "ValidationError", "ValidationException", "SerializationException");
    private static final Set<String> LIMITS = Set.of("LimitExceeded", "LimitExceededException");
    /** Where to look when AWS rejects a tool's arguments. */
    private static final Map<String, String> CHECK = Map.of(
            "describe_alarms", "check state, prefix and alarm_types",
            "describe_alarm_history", "check alarm, history_type, start and end (AWS keeps 30 days of history)",
            "list_metrics", "check namespace, metric_name and dimensions",
            "get_metric_data", "check statistics (Sum, Average, Minimum, Maximum, SampleCount, p99, ...), period (a multiple of 300 "
                    + "for windows starting more than 15 days ago, of 3600 beyond 63 days) and the exact dimensions");

    private final ToolsetConfig config;

    CloudWatchErrorTranslator(ToolsetConfig config) {
        this.config = config;
    }

    /**
     * Translates {@code failure} of a call of {@code tool} about {@code subject} (for messages, e.g. "alarm
     * payments-api-5xx" or "metric namespace Payments/API"; null for listings).
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    ToolResult translate(Throwable failure, String tool, String subject) {
        return FAILURES.translate(failure, error -> translateService(error, tool, subject));
    }

    private ToolResult translateService(AwsError error, String tool, String subject) {
        String code = error.code();
        String quoted = " (" + error.codeOrStatus() + "): \"" + error.message() + "\"";
        if (NOT_FOUND.contains(code)) {
            String listing = config.exposedName(tool.contains("alarm") ? "describe_alarms" : "list_metrics");
            return ToolResult.failure(Kind.NOT_FOUND, (subject == null ? "resource" : subject) + " not found" + quoted
                    + "; call " + listing + " to see what exists");
        }
        if ("InvalidNextToken".equals(code)) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "the cursor has expired or was issued for other arguments" + quoted
                    + "; call again without cursor to start over");
        }
        if (INVALID.contains(code)) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "CloudWatch rejected the request" + quoted + "; "
                    + CHECK.getOrDefault(tool, "check the arguments"));
        }
        if (LIMITS.contains(code)) {
            return ToolResult.failure(Kind.THROTTLED, "a CloudWatch limit was exceeded" + quoted
                    + "; wait a few seconds and retry with a narrower window, a longer period or fewer statistics");
        }
        return null;
    }
}
