package dev.awsmcp.toolset.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;

class CloudWatchErrorTranslatorTest {

    private final CloudWatchErrorTranslator translator =
            new CloudWatchErrorTranslator(new ToolsetConfig("cw", "cloudwatch", Region.US_EAST_1, null, null));

    private static <B extends CloudWatchException.Builder> CloudWatchException aws(B builder, String code, String message, int status) {
        return (CloudWatchException) builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private ToolResult.Failure translate(Throwable failure, String tool, String subject) {
        return (ToolResult.Failure) translator.translate(new CompletionException(failure), tool, subject);
    }

    @Test
    void notFoundNamesTheSubjectAndTheListingToCall() {
        var alarm = translate(aws(ResourceNotFoundException.builder(), "ResourceNotFound", "Unknown", 404), "describe_alarm_history",
                "alarm payments-api-5xx");
        var namespace = translate(aws(ResourceNotFoundException.builder(), "ResourceNotFoundException", "Unknown", 404), "get_metric_data",
                "metric namespace Payments/API");

        assertThat(alarm.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(alarm.message()).isEqualTo("alarm payments-api-5xx not found (ResourceNotFound): \"Unknown\"; call cw__describe_alarms to see what exists");
        assertThat(namespace.message()).endsWith("; call cw__list_metrics to see what exists");
    }

    @Test
    void rejectedArgumentsQuoteAwsAndSayWhatToCheckForTheTool() {
        var failure = translate(aws(InvalidParameterValueException.builder(), "InvalidParameterValue",
                "The value p999.9 for parameter Stat is not supported.", 400), "get_metric_data", "metric namespace AWS/Lambda");

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).isEqualTo("CloudWatch rejected the request (InvalidParameterValue): \"The value p999.9 for parameter Stat "
                + "is not supported.\"; check statistics (Sum, Average, Minimum, Maximum, SampleCount, p99, ...), period (a multiple of 300 "
                + "for windows starting more than 15 days ago, of 3600 beyond 63 days) and the exact dimensions");
        assertThat(translate(aws(CloudWatchException.builder(), "MissingParameter", "x", 400), "list_metrics", null).message())
                .endsWith("; check namespace, metric_name and dimensions");
    }

    @Test
    void anExpiredTokenTellsToStartOver() {
        var failure = translate(aws(InvalidNextTokenException.builder(), "InvalidNextToken", "The service returned an invalid token.", 400),
                "list_metrics", "metric namespace AWS/Lambda");

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).endsWith("; call again without cursor to start over");
    }

    @Test
    void limitsAndThrottlingAreThrottled() {
        var limit = translate(aws(LimitExceededException.builder(), "LimitExceeded", "too many", 400), "get_metric_data", null);
        var throttled = translate(aws(CloudWatchException.builder(), "Throttling", "Rate exceeded", 400), "describe_alarms", null);

        assertThat(limit.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(limit.message()).contains("a longer period or fewer statistics");
        assertThat(throttled.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(throttled.message()).isEqualTo("CloudWatch throttled the request (Throttling): \"Rate exceeded\"; wait a few seconds and retry "
                + "with a narrower window or fewer statistics");
    }

    @Test
    void accessDeniedDeadlinesArgumentsAndBugsAreTheSharedRules() {
        assertThat(translate(aws(CloudWatchException.builder(), "AccessDenied", "not authorized to perform: cloudwatch:GetMetricData", 403),
                "get_metric_data", null).kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(translate(ApiCallTimeoutException.create(1000), "get_metric_data", null).message())
                .startsWith("CloudWatch did not answer before the call's deadline; narrow the window");
        assertThat(translate(new ToolArgumentException("period 90 is not one CloudWatch accepts"), "get_metric_data", null).kind())
                .isEqualTo(Kind.INVALID_ARGUMENT);
        assertThatThrownBy(() -> translate(new NullPointerException("bug"), "list_metrics", null)).isInstanceOf(CompletionException.class);
    }
}
