package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.support.TimeWindow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * {@code describe_alarm_history}: the state changes, configuration updates and actions of one alarm in a
 * time window (default the last day, at most 14 days), newest first. A relative window is resolved once:
 * the cursor carries the absolute window, so the next page continues the same one.
 */
final class DescribeAlarmHistoryTool implements Tool<Arguments> {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(1);
    static final Duration MAX_WINDOW = Duration.ofDays(14);
    /** The most history items DescribeAlarmHistory returns per request. */
    private static final int AWS_PAGE = 100;
    private static final String NAME = "describe_alarm_history";

    private final DeferredClient<CloudWatchAsyncClient> cloudWatch;
    private final ToolsetConfig config;
    private final ToolSpec spec;

    DescribeAlarmHistoryTool(DeferredClient<CloudWatchAsyncClient> cloudWatch, ToolsetConfig config) {
        this.cloudWatch = cloudWatch;
        this.config = config;
        this.spec = ToolSpecs.onAlarm(NAME, "CloudWatch alarm history",
                "Use to see when an alarm started firing and whether it flaps. Returns state changes with reasons, configuration "
                        + "updates and actions, newest first.");
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String alarm = arguments.alarmName();
        String type = arguments.optionalNonEmptyText("history_type");
        String rawStart = arguments.optionalNonEmptyText("start");
        String rawEnd = arguments.optionalNonEmptyText("end");
        String scope = Arguments.scope(NAME, arguments.text(Arguments.ALARM), type, rawStart, rawEnd);
        JsonNode cursor = arguments.cursor(scope);
        TimeWindow window = cursor == null
                ? TimeWindow.bounded(rawStart, rawEnd, Instant.now(), DEFAULT_WINDOW, MAX_WINDOW)
                : windowOf(cursor);
        TokenPager.Position from = cursor == null ? TokenPager.Position.START : TokenPager.Position.of(cursor);
        return TokenPager.<ObjectNode>read(from, arguments.limit(context.limits()), AWS_PAGE, item -> true,
                (token, wanted) -> cloudWatch.call(sdk -> sdk.describeAlarmHistory(b -> b.alarmName(alarm)
                                .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)
                                .historyItemType(type)
                                .startDate(window.start())
                                .endDate(window.end())
                                .scanBy(ScanBy.TIMESTAMP_DESCENDING)
                                .maxRecords(wanted)
                                .nextToken(token)
                                .overrideConfiguration(context.awsOverrides())))
                        .thenApply(response -> new TokenPager.Page<>(
                                response.alarmHistoryItems().stream().map(Descriptions::historyItem).toList(), response.nextToken())),
                context)
                .thenApply(listing -> ToolResult.success(result(alarm, window, listing, scope)));
    }

    private ObjectNode result(String alarm, TimeWindow window, TokenPager.Listing<ObjectNode> listing, String scope) {
        ObjectNode result = Json.object();
        result.put("alarm", alarm);
        result.put("start", TimeWindow.format(window.start()));
        result.put("end", TimeWindow.format(window.end()));
        result.put("order", "newest_first");
        ObjectNode next = null;
        if (listing.next() != null) {
            next = listing.next().json();
            next.put("s", window.start().toEpochMilli());
            next.put("e", window.end().toEpochMilli());
        }
        Descriptions.listing(result, "items", listing.entries(), scope, next);
        if (listing.entries().isEmpty() && next == null) {
            // AWS answers an unknown alarm with an empty history, not an error.
            result.put("hint", "no history in this window: widen it (start, up to 14 days), or check the alarm name with "
                    + config.exposedName("describe_alarms"));
        }
        return result;
    }

    private static TimeWindow windowOf(JsonNode position) {
        if (!position.path("s").canConvertToLong() || !position.path("e").canConvertToLong()) {
            throw TokenPager.invalidCursor();
        }
        return new TimeWindow(Instant.ofEpochMilli(position.get("s").asLong()), Instant.ofEpochMilli(position.get("e").asLong()));
    }
}
