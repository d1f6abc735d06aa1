package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.support.TimeWindow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.PageCursor;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * {@code filter_log_events}: events of one group matching a filter pattern within a time window
 * (default the last hour, at most 30 days), across all or some streams, oldest first. A relative window
 * is resolved once: the cursor carries the absolute window, so the next page reads the same events.
 */
final class FilterLogEventsTool implements Tool<Arguments> {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    static final Duration MAX_WINDOW = Duration.ofDays(30);
    private static final int AWS_PAGE = 10_000;
    private static final int MAX_PAGES = 10;

    private final DeferredClient<CloudWatchLogsAsyncClient> logs;
    private final ToolSpec spec;

    FilterLogEventsTool(DeferredClient<CloudWatchLogsAsyncClient> logs, ToolsetConfig config) {
        this.logs = logs;
        this.spec = ToolSpecs.onLogGroup("filter_log_events", "Search log events",
                "Use to find events of one log group matching a filter pattern; to aggregate, "
                        + config.exposedName("run_insights_query") + ". Returns events oldest first.");
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String group = arguments.logGroup();
        List<String> streams = arguments.optionalTexts("stream_names");
        String streamPrefix = arguments.optionalNonEmptyText("stream_prefix");
        if (streams != null && streamPrefix != null) {
            throw new ToolArgumentException("give stream_names or stream_prefix, not both");
        }
        String pattern = arguments.optionalNonEmptyText("filter_pattern");
        String rawStart = arguments.optionalNonEmptyText("start");
        String rawEnd = arguments.optionalNonEmptyText("end");
        int limit = context.limits().rows(arguments.optionalInt("limit"));
        String scope = Cursors.scope("filter_log_events", group, streams, streamPrefix, pattern, rawStart, rawEnd);
        JsonNode position = arguments.cursor(scope);
        TimeWindow window = position == null
                ? TimeWindow.bounded(rawStart, rawEnd, Instant.now(), DEFAULT_WINDOW, MAX_WINDOW)
                : windowOf(position);
        String start = position == null ? null : position.path("t").asText(null);
        PageCollector collector = new PageCollector((wanted, token) -> logs.call(sdk -> sdk.filterLogEvents(b -> b.logGroupName(group)
                        .logStreamNames(streams)
                        .logStreamNamePrefix(streamPrefix)
                        .filterPattern(pattern)
                        .startTime(window.startMillis())
                        .endTime(window.endMillis())
                        .limit(Math.min(AWS_PAGE, wanted))
                        .nextToken(token)
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> new PageCollector.Page(
                        response.events().stream().map(FilterLogEventsTool::json).toList(), response.nextToken())),
                MAX_PAGES, false);
        return collector.collect(limit, start, context).thenApply(collected -> ToolResult.success(
                result(group, window, collected, scope)));
    }

    private static TimeWindow windowOf(JsonNode position) {
        if (!position.path("t").isTextual() || !position.path("s").canConvertToLong() || !position.path("e").canConvertToLong()) {
            throw Cursors.invalid();
        }
        return new TimeWindow(Instant.ofEpochMilli(position.get("s").asLong()), Instant.ofEpochMilli(position.get("e").asLong()));
    }

    private static ObjectNode json(FilteredLogEvent event) {
        ObjectNode json = Json.object();
        json.put("timestamp", event.timestamp() == null ? null : TimeWindow.format(event.timestamp()));
        json.put("stream", event.logStreamName());
        // Verbatim, escape codes included: the guard sanitizes results later, and they can be evidence.
        json.put("message", event.message());
        return json;
    }

    private static ObjectNode result(String group, TimeWindow window, PageCollector.Collected collected, String scope) {
        // AWS interleaves streams by time; moto returns them stream by stream. Sorting here (fixed-width
        // timestamps sort as text, and the sort is stable) keeps one result in time order either way.
        List<ObjectNode> events = new ArrayList<>(collected.entries());
        events.sort(Comparator.comparing(event -> event.path("timestamp").asText("")));
        ObjectNode result = Json.object();
        result.put("log_group", group);
        result.put("start", TimeWindow.format(window.start()));
        result.put("end", TimeWindow.format(window.end()));
        ArrayNode array = result.putArray("events");
        events.forEach(array::add);
        result.put("count", events.size());
        if (collected.next() != null) {
            ObjectNode next = Json.object();
            next.put("t", collected.next());
            next.put("s", window.startMillis());
            next.put("e", window.endMillis());
            result.put("next_cursor", PageCursor.encode(scope, next));
        }
        return result;
    }
}
