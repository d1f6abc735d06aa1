package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.PromptSpec;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.AwsToolset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The DynamoDB tools of one configured instance, sharing one async client. */
final class DynamoDbToolset extends AwsToolset<Arguments> {

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final DynamoDbErrorTranslator errors;
    private final String usageNotes;
    private final List<PromptSpec> prompts;

    DynamoDbToolset(DeferredClient<DynamoDbAsyncClient> dynamo, ToolNames names) {
        super("DynamoDB", dynamo, Arguments::new, List.of(
                new ListTablesTool(dynamo),
                new DescribeTableTool(dynamo, names),
                new GetItemTool(dynamo),
                new BatchGetItemTool(dynamo),
                new QueryTool(dynamo, names),
                new ScanTool(dynamo, names),
                new ExecutePartiqlTool(dynamo, names),
                new PutItemTool(dynamo),
                new UpdateItemTool(dynamo),
                new DeleteItemTool(dynamo)));
        this.dynamo = dynamo;
        this.errors = new DynamoDbErrorTranslator(names);
        this.usageNotes = DynamoDbGuide.usageNotes(names);
        this.prompts = DynamoDbGuide.prompts(names);
    }

    @Override
    public List<ResourceKind> resourceKinds() {
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
    protected ToolResult translate(Throwable failure, Call<Arguments> call) {
        List<String> tables = call.resources().stream().map(ResourceRef::name).toList();
        return errors.translate(failure, DynamoDbErrorTranslator.Subject.of(call.tool(), call.arguments().node(), tables));
    }

    @Override
    protected CompletableFuture<?> probe(CallContext context) {
        return dynamo.call(sdk -> sdk.listTables(b -> b.limit(1).overrideConfiguration(context.awsOverrides())));
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return Optional.of(DynamoDbSessionPolicy.document(request));
    }
}
