package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Creates DynamoDB toolsets ({@code type: dynamodb}): table listing and description, item reads,
 * query, bounded scan, read-only PartiQL, and item writes classed {@link dev.awsmcp.toolset.api.Access#WRITE}.
 * No type-specific options.
 */
public final class DynamoDbToolsetFactory implements ToolsetFactory {

    /** The configuration type name. */
    public static final String TYPE = "dynamodb";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Toolset create(ToolsetConfig config, ToolsetContext context) {
        DeferredClient<DynamoDbAsyncClient> dynamo = context.deferredClient(DynamoDbAsyncClient.builder(), config);
        try {
            return new DynamoDbToolset(dynamo, new ToolNames(config));
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }
}
