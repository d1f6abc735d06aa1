package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.support.TimeWindow;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.PageCursor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * {@code describe_log_groups}: the log groups this caller may see, at most 200 per call, with a cursor
 * for the rest. Groups outside the caller's policy are left out as if they did not exist.
 */
final class DescribeLogGroupsTool implements Tool<Arguments> {

    static final int MAX_GROUPS = 200;
    private static final int AWS_PAGE = 50;
    /** Pages to read when the caller's policy hides many groups, before returning what was found. */
    private static final int MAX_PAGES = 20;

    private final DeferredClient<CloudWatchLogsAsyncClient> logs;
    private final ToolSpec spec;

    DescribeLogGroupsTool(DeferredClient<CloudWatchLogsAsyncClient> logs) {
        this.logs = logs;
        this.spec = ToolSpecs.spec("describe_log_groups", "List log groups",
                "Use to find log groups by name prefix. Returns name, ARN, stored bytes, retention and creation time, "
                        + "up to 200.",
                arguments -> List.of());
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        Integer requested = arguments.optionalInt("limit");
        int limit = requested == null || requested <= 0 ? MAX_GROUPS : Math.min(requested, MAX_GROUPS);
        String prefix = arguments.optionalNonEmptyText("prefix");
        String scope = Cursors.scope("describe_log_groups", prefix);
        String start = Cursors.token(arguments, scope);
        PageCollector collector = new PageCollector((wanted, token) -> logs.call(sdk -> sdk.describeLogGroups(b -> b
                        .logGroupNamePrefix(prefix)
                        .limit(Math.min(AWS_PAGE, wanted))
                        .nextToken(token)
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> new PageCollector.Page(response.logGroups().stream()
                        .filter(group -> context.visible(new ResourceRef(LogsResources.LOG_GROUP, group.logGroupName())))
                        .map(DescribeLogGroupsTool::json)
                        .toList(), response.nextToken())),
                MAX_PAGES, false);
        return collector.collect(limit, start, context).thenApply(collected -> ToolResult.success(result(collected, scope)));
    }

    private static ObjectNode json(LogGroup group) {
        ObjectNode json = Json.object();
        json.put("name", group.logGroupName());
        json.put("arn", group.logGroupArn() != null ? group.logGroupArn() : group.arn());
        if (group.storedBytes() != null) {
            json.put("stored_bytes", group.storedBytes());
        }
        // Absent retention means events never expire; say so rather than leave the model guessing.
        if (group.retentionInDays() != null) {
            json.put("retention_days", group.retentionInDays());
        } else {
            json.putNull("retention_days");
        }
        if (group.creationTime() != null) {
            json.put("created", TimeWindow.format(group.creationTime()));
        }
        return json;
    }

    private static ObjectNode result(PageCollector.Collected collected, String scope) {
        ObjectNode result = Json.object();
        ArrayNode groups = result.putArray("log_groups");
        collected.entries().forEach(groups::add);
        result.put("count", groups.size());
        result.put("truncated", collected.next() != null);
        if (collected.next() != null) {
            result.put("next_cursor", PageCursor.encode(scope, Json.mapper().getNodeFactory().textNode(collected.next())));
        }
        return result;
    }
}
