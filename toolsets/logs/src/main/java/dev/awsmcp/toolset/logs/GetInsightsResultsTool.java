package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code get_insights_results}: the state or rows of a query started by {@code run_insights_query},
 * read once (the caller decides when to ask again). It names no log group: GetQueryResults takes only
 * the query id, which AWS issued to whoever started the query.
 */
final class GetInsightsResultsTool implements LogsTool {

    private final InsightsPoller poller;
    private final ToolSpec spec;

    GetInsightsResultsTool(ToolsetConfig config, InsightsPoller poller) {
        this.poller = poller;
        this.spec = ToolSpecs.spec("get_insights_results", "Get Logs Insights results",
                "Get the rows and statistics of a query started with " + config.exposedName("run_insights_query")
                        + " by its query_id, or its status while it still runs.",
                arguments -> List.of());
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
