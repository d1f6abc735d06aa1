package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.support.TimeWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.toolset.support.ToolArgumentException;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.model.AccessDeniedException;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ServiceUnavailableException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException;

class LogsErrorTranslatorTest {

    private final LogsErrorTranslator translator =
            new LogsErrorTranslator(new ToolsetConfig("cwl", "logs", Region.US_EAST_1, null, null));
    private static final LogsErrorTranslator.Subject GROUP = new LogsErrorTranslator.Subject(List.of("/ecs/payments/api"), null, null);

    private static <B extends CloudWatchLogsException.Builder> CloudWatchLogsException aws(B builder, String code, String message, int status) {
        return (CloudWatchLogsException) builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private ToolResult.Failure translate(Throwable failure, LogsErrorTranslator.Subject subject) {
        return (ToolResult.Failure) translator.translate(new CompletionException(failure), "filter_log_events", subject);
    }

    @Test
    void missingGroupPointsAtTheGroupListingUnderTheConfiguredId() {
        var failure = translate(aws(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "The specified log group does not exist.", 400), GROUP);

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("log group /ecs/payments/api not found; call cwl__describe_log_groups to see the log groups");
    }

    @Test
    void missingStreamPointsAtTheStreamListing() {
        var subject = new LogsErrorTranslator.Subject(List.of("/ecs/payments/api"), "api/task-1", null);

        var failure = translate(aws(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "The specified log stream does not exist.", 400), subject);

        assertThat(failure.message()).isEqualTo("log stream api/task-1 not found in log group /ecs/payments/api; "
                + "call cwl__describe_log_streams to see its streams");
    }

    @Test
    void missingQueryPointsAtRunningANewOne() {
        var failure = translate(aws(ResourceNotFoundException.builder(), "ResourceNotFoundException", "Query does not exist", 400),
                new LogsErrorTranslator.Subject(List.of(), null, "q-1"));

        assertThat(failure.message()).startsWith("Insights query q-1 not found").endsWith("cwl__run_insights_query");
    }

    @Test
    void invalidParametersAreQuoted() {
        var failure = translate(aws(InvalidParameterException.builder(), "InvalidParameterException",
                "1 validation error detected: Value at 'limit' failed", 400), GROUP);

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).isEqualTo("CloudWatch Logs rejected the request: \"1 validation error detected: Value at 'limit' failed\"");
    }

    @Test
    void accessDeniedIsQuoted() {
        var failure = translate(aws(AccessDeniedException.builder(), "AccessDeniedException",
                "User is not authorized to perform: logs:FilterLogEvents", 400), GROUP);

        assertThat(failure.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(failure.message()).contains("logs:FilterLogEvents");
    }

    @Test
    void throttlingAndUnavailabilityAreThrottled() {
        assertThat(translate(aws(ThrottlingException.builder(), "ThrottlingException", "Rate exceeded", 400), GROUP).kind())
                .isEqualTo(Kind.THROTTLED);
        assertThat(translate(aws(ServiceUnavailableException.builder(), "ServiceUnavailableException", "busy", 503), GROUP).kind())
                .isEqualTo(Kind.THROTTLED);
    }

    @Test
    void timeoutsAndNetworkFailuresAreTimeoutAndUpstream() {
        assertThat(translate(ApiCallTimeoutException.create(1000), GROUP).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(translate(SdkClientException.create("connection refused"), GROUP).kind()).isEqualTo(Kind.UPSTREAM);
        assertThat(translate(aws(CloudWatchLogsException.builder(), "InternalFailure", "oops", 500), GROUP).message())
                .isEqualTo("CloudWatch Logs failed (InternalFailure): \"oops\"");
    }

    @Test
    void argumentErrorsKeepTheirMessageAndBugsStayExceptions() {
        assertThat(translate(new ToolArgumentException("start is after end"), GROUP))
                .isEqualTo(ToolResult.failure(Kind.INVALID_ARGUMENT, "start is after end"));
        assertThatThrownBy(() -> translator.translate(new NullPointerException("bug"), "filter_log_events", GROUP))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void onlyTimeWindowedToolsAdviseANarrowerWindowAfterATimeout() {
        assertThat(timeout("filter_log_events")).contains("narrow the time window");
        assertThat(timeout("get_log_events")).contains("narrow the time window");
        assertThat(timeout("run_insights_query")).contains("narrow the time window");
        assertThat(timeout("describe_log_groups")).doesNotContain("window").contains("limit");
        assertThat(timeout("get_insights_results")).isEqualTo("CloudWatch Logs did not answer before the call's deadline; retry");
    }

    private String timeout(String tool) {
        return ((ToolResult.Failure) translator.translate(ApiCallTimeoutException.create(1000), tool, GROUP)).message();
    }
}
