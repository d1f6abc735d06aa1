package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.support.TimeWindow;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/**
 * {@code run_insights_query}: starts a Logs Insights query over some groups and waits for it within the
 * call's deadline. The window is required and bounded (7 days) because Insights bills by the bytes it
 * scans; an unbounded default would make the cheapest-looking call the most expensive one.
 */
final class RunInsightsQueryTool implements Tool<Arguments> {

    static final Duration MAX_WINDOW = Duration.ofDays(7);
    /** StartQuery's own ceiling on returned rows. */
    private static final int AWS_MAX_ROWS = 10_000;

    private final DeferredClient<CloudWatchLogsAsyncClient> logs;
    private final InsightsPoller poller;
    private final InsightsQueries queries;
    private final ToolSpec spec;

    RunInsightsQueryTool(DeferredClient<CloudWatchLogsAsyncClient> logs, ToolsetConfig config, InsightsPoller poller,
            InsightsQueries queries) {
        this.logs = logs;
        this.poller = poller;
        this.queries = queries;
        this.spec = ToolSpecs.spec("run_insights_query", "Logs Insights query",
                "Use to aggregate or parse the logs of log_groups (no SOURCE, join or lookup; billed by data scanned). Returns rows "
                        + "and statistics, or a query_id for " + config.exposedName("get_insights_results") + " if it runs long.",
                RunInsightsQueryTool::resources);
    }

    /** The groups of {@code log_groups}, once the query is known to read no others. */
    private static List<ResourceRef> resources(JsonNode arguments) {
        JsonNode query = arguments.get("query");
        if (query != null && query.isTextual()) {
            InsightsQueryScope.requireOwnGroupsOnly(query.textValue());
        }
        return ToolSpecs.logGroupsArgument(arguments);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        List<String> groups = arguments.logGroups();
        String query = arguments.text("query");
        try {
            InsightsQueryScope.requireOwnGroupsOnly(query);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException(e.getMessage());
        }
        String start = arguments.optionalNonEmptyText("start");
        String end = arguments.optionalNonEmptyText("end");
        if (start == null || end == null) {
            throw new ToolArgumentException("run_insights_query needs both start and end: Insights bills by the data it "
                    + "scans, so give the narrowest window that answers the question, e.g. start \"-1h\", end \"now\"");
        }
        TimeWindow window = TimeWindow.bounded(start, end, Instant.now(), MAX_WINDOW, MAX_WINDOW);
        int limit = Math.min(context.limits().rows(arguments.optionalInt("limit")), AWS_MAX_ROWS);
        // logGroupNames, not logGroupIdentifiers: the caller names groups (moto also answers 500 to identifiers).
        return logs.call(sdk -> sdk.startQuery(b -> b.logGroupNames(groups)
                        .queryString(query)
                        .startTime(Math.floorDiv(window.startMillis(), 1000L))
                        .endTime(Math.floorDiv(window.endMillis() + 999L, 1000L))
                        .limit(limit)
                        .overrideConfiguration(context.awsOverrides())))
                .thenCompose(started -> {
                    queries.started(started.queryId(), groups);
                    return poller.await(started.queryId(), limit, context);
                });
    }
}
