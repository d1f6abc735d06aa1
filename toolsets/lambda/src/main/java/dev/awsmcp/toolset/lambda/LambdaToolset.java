package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/** The Lambda tools of one configured instance, sharing one async client. */
final class LambdaToolset implements Toolset {

    private final LambdaAsyncClient lambda;
    private final LambdaErrorTranslator errors;
    private final Map<String, LambdaTool> tools = new LinkedHashMap<>();
    private final List<ToolSpec> specs;
    private final String usageNotes;

    LambdaToolset(LambdaAsyncClient lambda, ToolsetConfig config) {
        this.lambda = lambda;
        this.errors = new LambdaErrorTranslator(config);
        this.usageNotes = LambdaGuide.usageNotes(config);
        for (LambdaTool tool : List.of(
                new ListFunctionsTool(lambda, config),
                new GetFunctionConfigurationTool(lambda),
                new ListEventSourceMappingsTool(lambda),
                new ListVersionsByFunctionTool(lambda, config),
                new ListAliasesTool(lambda, config),
                new GetFunctionConcurrencyTool(lambda),
                new InvokeTool(lambda, config))) {
            tools.put(tool.spec().name(), tool);
        }
        this.specs = tools.values().stream().map(LambdaTool::spec).toList();
    }

    @Override
    public List<dev.awsmcp.toolset.api.ResourceKind> resourceKinds() {
        return List.of(LambdaResources.FUNCTION_KIND);
    }

    @Override
    public List<ToolSpec> tools() {
        return specs;
    }

    @Override
    public String usageNotes() {
        return usageNotes;
    }

    @Override
    public CompletionStage<ToolResult> call(ToolCall call, CallContext context) {
        LambdaTool tool = tools.get(call.tool());
        if (tool == null) {
            // The gateway resolves names against tools(); reaching here is a gateway bug.
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown Lambda tool " + call.tool()));
        }
        Arguments arguments = new Arguments(call.arguments());
        String function = Arguments.qualifiedName(call.arguments());
        CompletableFuture<ToolResult> result;
        try {
            result = tool.call(arguments, context);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((success, failure) -> failure == null ? success : errors.translate(failure, call.tool(), function));
    }

    @Override
    public CompletionStage<Health> check(CallContext context) {
        return lambda.listFunctions(b -> b.maxItems(1).overrideConfiguration(context.awsOverrides()))
                .handle((response, failure) -> {
                    if (failure == null) {
                        return Health.up();
                    }
                    ToolResult translated = errors.translate(failure, "list_functions", null);
                    return Health.down(((ToolResult.Failure) translated).message());
                });
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return Optional.of(LambdaSessionPolicy.document(request));
    }

    @Override
    public void close() {
        lambda.close();
    }
}
