package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.support.TimeWindow;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.PageCursor;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;

/**
 * {@code describe_log_streams}: streams of one group, most recent event first. AWS cannot combine a name
 * prefix with that order, so with a prefix the streams come by name instead (the result says which).
 */
final class DescribeLogStreamsTool implements Tool<Arguments> {

    static final int DEFAULT_STREAMS = 50;
    static final int MAX_STREAMS = 200;
    private static final int AWS_PAGE = 50;
    private static final int MAX_PAGES = 4;

    private final DeferredClient<CloudWatchLogsAsyncClient> logs;
    private final ToolSpec spec;

    DescribeLogStreamsTool(DeferredClient<CloudWatchLogsAsyncClient> logs, ToolsetConfig config) {
        this.logs = logs;
        this.spec = ToolSpecs.onLogGroup("describe_log_streams", "List log streams",
                "Use to find a stream to read with " + config.exposedName("get_log_events") + ". Returns streams with first/last "
                        + "event times, most recent first (by name with prefix).");
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String group = arguments.logGroup();
        String prefix = arguments.optionalNonEmptyText("prefix");
        Integer requested = arguments.optionalInt("limit");
        int limit = requested == null || requested <= 0 ? DEFAULT_STREAMS : Math.min(requested, MAX_STREAMS);
        String scope = Cursors.scope("describe_log_streams", group, prefix);
        String start = Cursors.token(arguments, scope);
        DescribeLogStreamsRequest base = prefix == null
                ? DescribeLogStreamsRequest.builder().logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).descending(true).build()
                : DescribeLogStreamsRequest.builder().logGroupName(group).logStreamNamePrefix(prefix)
                        .orderBy(OrderBy.LOG_STREAM_NAME).build();
        PageCollector collector = new PageCollector((wanted, token) -> logs.call(sdk -> sdk.describeLogStreams(base.toBuilder()
                        .limit(Math.min(AWS_PAGE, wanted))
                        .nextToken(token)
                        .overrideConfiguration(context.awsOverrides())
                        .build()))
                .thenApply(response -> new PageCollector.Page(
                        response.logStreams().stream().map(DescribeLogStreamsTool::json).toList(), response.nextToken())),
                MAX_PAGES, false);
        return collector.collect(limit, start, context).thenApply(collected -> {
            ObjectNode result = Json.object();
            result.put("log_group", group);
            result.put("order", prefix == null ? "last_event_time_descending" : "name");
            ArrayNode streams = result.putArray("log_streams");
            collected.entries().forEach(streams::add);
            result.put("count", streams.size());
            result.put("truncated", collected.next() != null);
            if (collected.next() != null) {
                result.put("next_cursor", PageCursor.encode(scope, Json.mapper().getNodeFactory().textNode(collected.next())));
            }
            return ToolResult.success(result);
        });
    }

    private static ObjectNode json(LogStream stream) {
        ObjectNode json = Json.object();
        json.put("name", stream.logStreamName());
        putTime(json, "created", stream.creationTime());
        putTime(json, "first_event", stream.firstEventTimestamp());
        // AWS updates lastEventTimestamp eventually (up to an hour late); last_ingestion is current.
        putTime(json, "last_event", stream.lastEventTimestamp());
        putTime(json, "last_ingestion", stream.lastIngestionTime());
        return json;
    }

    private static void putTime(ObjectNode json, String field, Long epochMillis) {
        if (epochMillis != null) {
            json.put(field, TimeWindow.format(epochMillis));
        }
    }
}
