package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/**
 * Creates CloudWatch Logs toolsets ({@code type: logs}): log group and stream listings, event
 * filtering and reading, and Logs Insights queries. Every tool is read-only. No type-specific options.
 */
public final class LogsToolsetFactory implements ToolsetFactory {

    /** The configuration type name. */
    public static final String TYPE = "logs";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Toolset create(ToolsetConfig config, ToolsetContext context) {
        DeferredClient<CloudWatchLogsAsyncClient> logs = context.deferredClient(CloudWatchLogsAsyncClient.builder(), config);
        try {
            return new LogsToolset(logs, config, InsightsPoller.Settings.DEFAULT);
        } catch (RuntimeException e) {
            logs.close();
            throw e;
        }
    }
}
