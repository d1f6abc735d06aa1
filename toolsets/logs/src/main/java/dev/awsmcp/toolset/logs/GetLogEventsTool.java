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
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * {@code get_log_events}: events of one stream, read from its tail (newest, the default) backwards or
 * from its head forwards, optionally within a time window; returned oldest first either way. The cursor
 * continues in the reading direction. At the end of a stream AWS hands back the token it was given;
 * that is where reading stops.
 */
final class GetLogEventsTool implements Tool<Arguments> {

    private static final int AWS_PAGE = 10_000;
    private static final int MAX_PAGES = 10;

    private final DeferredClient<CloudWatchLogsAsyncClient> logs;
    private final ToolSpec spec;

    GetLogEventsTool(DeferredClient<CloudWatchLogsAsyncClient> logs, ToolsetConfig config) {
        this.logs = logs;
        this.spec = ToolSpecs.onLogGroup("get_log_events", "Read a log stream",
                "Use to read one log stream in order (find it with " + config.exposedName("describe_log_streams") + "). Returns "
                        + "events oldest first, the newest or with start_from_head the first.");
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String group = arguments.logGroup();
        String stream = arguments.text("stream");
        boolean fromHead = arguments.flag("start_from_head", false);
        String rawStart = arguments.optionalNonEmptyText("start");
        String rawEnd = arguments.optionalNonEmptyText("end");
        int limit = context.limits().rows(arguments.optionalInt("limit"));
        String scope = Cursors.scope("get_log_events", group, stream, fromHead, rawStart, rawEnd);
        JsonNode position = arguments.cursor(scope);
        TimeWindow window = position == null ? TimeWindow.open(rawStart, rawEnd, Instant.now()) : windowOf(position);
        String start = position == null ? null : position.get("t").asText();
        PageCollector collector = new PageCollector((wanted, token) -> logs.call(sdk -> sdk.getLogEvents(b -> b.logGroupName(group)
                        .logStreamName(stream)
                        .startFromHead(fromHead)
                        .startTime(window.start() == null ? null : window.startMillis())
                        .endTime(window.end() == null ? null : window.endMillis())
                        .limit(Math.min(AWS_PAGE, wanted))
                        .nextToken(token)
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> page(response, fromHead, token)),
                MAX_PAGES, !fromHead);
        return collector.collect(limit, start, context).thenApply(collected -> {
            ObjectNode result = Json.object();
            result.put("log_group", group);
            result.put("stream", stream);
            result.put("read_from", fromHead ? "head" : "tail");
            ArrayNode events = result.putArray("events");
            collected.entries().forEach(events::add);
            result.put("count", events.size());
            if (collected.next() != null) {
                ObjectNode next = Json.object();
                next.put("t", collected.next());
                putMillis(next, "s", window.start());
                putMillis(next, "e", window.end());
                result.put("next_cursor", PageCursor.encode(scope, next));
            }
            return ToolResult.success(result);
        });
    }

    private static PageCollector.Page page(GetLogEventsResponse response, boolean fromHead, String sent) {
        String next = fromHead ? response.nextForwardToken() : response.nextBackwardToken();
        // The same token back means there is nothing further in this direction.
        boolean end = next == null || Objects.equals(next, sent);
        return new PageCollector.Page(response.events().stream().map(GetLogEventsTool::json).toList(), end ? null : next);
    }

    private static TimeWindow windowOf(JsonNode position) {
        if (!position.path("t").isTextual()) {
            throw Cursors.invalid();
        }
        return new TimeWindow(instant(position.get("s")), instant(position.get("e")));
    }

    private static Instant instant(JsonNode millis) {
        if (millis == null || millis.isNull()) {
            return null;
        }
        if (!millis.canConvertToLong()) {
            throw Cursors.invalid();
        }
        return Instant.ofEpochMilli(millis.asLong());
    }

    private static void putMillis(ObjectNode node, String field, Instant instant) {
        if (instant == null) {
            node.putNull(field);
        } else {
            node.put(field, instant.toEpochMilli());
        }
    }

    private static ObjectNode json(OutputLogEvent event) {
        ObjectNode json = Json.object();
        json.put("timestamp", event.timestamp() == null ? null : TimeWindow.format(event.timestamp()));
        // Verbatim, escape codes included: the guard sanitizes results later, and they can be evidence.
        json.put("message", event.message());
        return json;
    }
}
