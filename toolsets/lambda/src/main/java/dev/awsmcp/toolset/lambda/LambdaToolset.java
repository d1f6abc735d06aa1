package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/** The Lambda tools of one configured instance, sharing one async client. */
final class LambdaToolset extends AwsToolset<Arguments> {

    private final DeferredClient<LambdaAsyncClient> lambda;
    private final LambdaErrorTranslator errors;
    private final String usageNotes;

    LambdaToolset(DeferredClient<LambdaAsyncClient> lambda, ToolsetConfig config) {
        super("Lambda", lambda, Arguments::new, List.of(
                new ListFunctionsTool(lambda, config),
                new GetFunctionConfigurationTool(lambda, EnvironmentValues.of(config)),
                new ListEventSourceMappingsTool(lambda),
                new ListVersionsByFunctionTool(lambda, config),
                new ListAliasesTool(lambda, config),
                new GetFunctionConcurrencyTool(lambda),
                new InvokeTool(lambda, config)));
        this.lambda = lambda;
        this.errors = new LambdaErrorTranslator(config);
        this.usageNotes = LambdaGuide.usageNotes(config);
    }

    @Override
    public List<ResourceKind> resourceKinds() {
        return List.of(LambdaResources.FUNCTION_KIND);
    }

    @Override
    public String usageNotes() {
        return usageNotes;
    }

    @Override
    protected ToolResult translate(Throwable failure, Call<Arguments> call) {
        return errors.translate(failure, call.tool(), Arguments.qualifiedName(call.arguments().node()));
    }

    @Override
    protected CompletableFuture<?> probe(CallContext context) {
        return lambda.call(sdk -> sdk.listFunctions(b -> b.maxItems(1).overrideConfiguration(context.awsOverrides())));
    }

    @Override
    protected String probeTool() {
        return "list_functions";
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return Optional.of(LambdaSessionPolicy.document(request));
    }
}
