package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.PromptSpec;
import dev.awsmcp.toolset.api.Toolset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The DynamoDB tools of one configured instance, sharing one async client. */
final class DynamoDbToolset implements Toolset {

    private final DynamoDbAsyncClient dynamo;
    private final DynamoDbErrorTranslator errors;
    private final Map<String, DynamoDbTool> tools = new LinkedHashMap<>();
    private final List<ToolSpec> specs;
    private final String usageNotes;
    private final List<PromptSpec> prompts;

    DynamoDbToolset(DynamoDbAsyncClient dynamo, ToolNames names) {
        this.dynamo = dynamo;
        this.errors = new DynamoDbErrorTranslator(names);
        this.usageNotes = DynamoDbGuide.usageNotes(names);
        this.prompts = DynamoDbGuide.prompts(names);
        for (DynamoDbTool tool : List.of(
                new ListTablesTool(dynamo),
                new DescribeTableTool(dynamo, names),
                new GetItemTool(dynamo),
                new BatchGetItemTool(dynamo),
                new QueryTool(dynamo, names),
                new ScanTool(dynamo, names),
                new ExecutePartiqlTool(dynamo, names),
                new PutItemTool(dynamo),
                new UpdateItemTool(dynamo),
                new DeleteItemTool(dynamo))) {
            tools.put(tool.spec().name(), tool);
        }
        this.specs = tools.values().stream().map(DynamoDbTool::spec).toList();
    }

    @Override
    public List<ToolSpec> tools() {
        return specs;
    }

    @Override
    public List<dev.awsmcp.toolset.api.ResourceKind> resourceKinds() {
        return List.of(DynamoDbResources.TABLE_KIND);
    }

    @Override
    public String usageNotes() {
        return usageNotes;
    }

    @Override
    public List<PromptSpec> prompts() {
        return prompts;
    }

    @Override
    public CompletionStage<ToolResult> call(ToolCall call, CallContext context) {
        DynamoDbTool tool = tools.get(call.tool());
        if (tool == null) {
            // The gateway resolves names against tools(); reaching here is a gateway bug.
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown DynamoDB tool " + call.tool()));
        }
        List<String> tables = tool.spec().resources().apply(call.arguments()).stream().map(ResourceRef::name).toList();
        DynamoDbErrorTranslator.Subject subject = DynamoDbErrorTranslator.Subject.of(call.tool(), call.arguments(), tables);
        CompletableFuture<ToolResult> result;
        try {
            result = tool.call(new Arguments(call.arguments()), context);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((success, failure) -> failure == null ? success : errors.translate(failure, subject));
    }

    @Override
    public CompletionStage<Health> check(CallContext context) {
        return dynamo.listTables(b -> b.limit(1).overrideConfiguration(context.awsOverrides()))
                .handle((response, failure) -> {
                    if (failure == null) {
                        return Health.up();
                    }
                    ToolResult translated = errors.translate(failure, DynamoDbErrorTranslator.Subject.NONE);
                    return Health.down(((ToolResult.Failure) translated).message());
                });
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return Optional.of(DynamoDbSessionPolicy.document(request));
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
