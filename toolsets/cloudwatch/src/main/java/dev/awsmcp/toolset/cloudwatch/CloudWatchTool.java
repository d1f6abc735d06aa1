package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import java.util.concurrent.CompletableFuture;

/**
 * One tool of the CloudWatch toolset. Implementations hold only the shared client and never block; AWS
 * and argument errors complete the future exceptionally and the toolset translates them in one place
 * ({@link CloudWatchErrorTranslator}).
 */
interface CloudWatchTool {

    ToolSpec spec();

    /** Runs the call; every AWS request carries {@link CallContext#awsOverrides()}. */
    CompletableFuture<ToolResult> call(Arguments arguments, CallContext context);
}
