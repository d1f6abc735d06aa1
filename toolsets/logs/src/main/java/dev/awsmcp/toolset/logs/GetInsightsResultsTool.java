package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import java.util.concurrent.CompletableFuture;

/**
 * {@code get_insights_results}: the state or rows of a query started by {@code run_insights_query},
 * read once (the caller decides when to ask again). GetQueryResults takes only the query id; the tool
 * names the log groups the query was started on ({@link InsightsQueries}), so the gateway authorizes
 * them like those of any other call.
 */
final class GetInsightsResultsTool implements Tool<Arguments> {

    private final InsightsPoller poller;
    private final ToolSpec spec;

    GetInsightsResultsTool(ToolsetConfig config, InsightsPoller poller, InsightsQueries queries) {
        this.poller = poller;
        this.spec = ToolSpecs.spec("get_insights_results", "Logs Insights results",
                "Use to fetch a query started with " + config.exposedName("run_insights_query") + " by its query_id. Returns its "
                        + "rows and statistics, or its status while it still runs.",
                arguments -> queries.logGroups(arguments.path("query_id").asText(null)).stream()
                        .map(group -> ResourceRef.derived(LogsResources.LOG_GROUP, group)).toList());
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        return poller.once(arguments.text("query_id"), context.limits().rows(arguments.optionalInt("limit")), context);
    }
}
