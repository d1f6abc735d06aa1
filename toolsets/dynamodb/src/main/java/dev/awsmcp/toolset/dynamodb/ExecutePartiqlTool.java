package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code execute_partiql}: one read-only SELECT, checked by {@link PartiqlSelectParser} before AWS
 * sees it. The cursor wraps DynamoDB's NextToken, scoped to the exact statement.
 */
final class ExecutePartiqlTool implements Tool<Arguments> {

    static final int MAX_PAGES = 10;

    private final DeferredClient<DynamoDbAsyncClient> dynamo;
    private final ToolSpec spec;

    ExecutePartiqlTool(DeferredClient<DynamoDbAsyncClient> dynamo, ToolNames names) {
        this.dynamo = dynamo;
        this.spec = ToolSpecs.spec("execute_partiql", "DynamoDB PartiQL SELECT",
                "Use for one read-only PartiQL SELECT with ? parameters (without the partition key it scans; prefer "
                        + names.qualified("query") + "). Returns items as plain JSON.",
                Access.READ, ExecutePartiqlTool::resources);
    }

    /**
     * The tables the statement reads. An unparseable statement names none: the call refuses it before
     * any AWS request, so nothing needs authorizing.
     */
    static List<ResourceRef> resources(JsonNode arguments) {
        try {
            JsonNode statement = arguments.get("statement");
            if (statement == null || !statement.isTextual()) {
                return List.of();
            }
            return PartiqlSelectParser.parse(statement.textValue()).tables().stream()
                    .map(table -> new ResourceRef(ToolSpecs.TABLE, table))
                    .toList();
        } catch (ToolArgumentException refusedByCall) {
            return List.of();
        }
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String statement = arguments.text("statement");
        PartiqlSelect select = PartiqlSelectParser.parse(statement);
        List<AttributeValue> parameters = parameters(arguments.node().get("parameters"));
        Boolean consistent = arguments.optionalBoolean("consistent_read");
        PageReader reader = new PageReader((limit, start) -> dynamo.call(sdk -> sdk.executeStatement(b -> b.statement(statement)
                        .parameters(parameters)
                        .consistentRead(consistent)
                        .limit(limit)
                        .nextToken(start == null ? null : start.asText())
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> new PageReader.Page(response.items(), null,
                        response.nextToken() == null ? null : TextNode.valueOf(response.nextToken()))),
                "partiql:" + select.table() + ":" + fingerprint(statement), MAX_PAGES);
        return reader.read(arguments, context);
    }

    private static List<AttributeValue> parameters(JsonNode node) {
        if (node == null || node.isNull() || node.isEmpty()) {
            return null;
        }
        List<AttributeValue> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(AttributeValues.fromJson(node.get(i), "parameters[" + i + "]"));
        }
        return values;
    }

    private static String fingerprint(String statement) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(statement.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
