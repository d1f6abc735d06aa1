package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import java.util.concurrent.CompletableFuture;

/**
 * One tool of the Lambda toolset. Implementations are stateless apart from the shared client and
 * never block; AWS and argument errors complete the future exceptionally and the toolset translates
 * them in one place ({@link LambdaErrorTranslator}).
 */
interface LambdaTool {

    ToolSpec spec();

    /** Runs the call; every AWS request carries {@link CallContext#awsOverrides()}. */
    CompletableFuture<ToolResult> call(Arguments arguments, CallContext context);
}
