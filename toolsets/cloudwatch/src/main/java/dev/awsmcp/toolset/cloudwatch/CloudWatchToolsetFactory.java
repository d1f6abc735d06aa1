package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Creates CloudWatch alarm and metric toolsets ({@code type: cloudwatch}): alarms and their history,
 * metric listings and metric data. Every tool is read-only. No type-specific options.
 */
public final class CloudWatchToolsetFactory implements ToolsetFactory {

    /** The configuration type name. */
    public static final String TYPE = "cloudwatch";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Toolset create(ToolsetConfig config, ToolsetContext context) {
        DeferredClient<CloudWatchAsyncClient> cloudWatch = context.deferredClient(CloudWatchAsyncClient.builder(), config);
        try {
            return new CloudWatchToolset(cloudWatch, config);
        } catch (RuntimeException e) {
            cloudWatch.close();
            throw e;
        }
    }
}
