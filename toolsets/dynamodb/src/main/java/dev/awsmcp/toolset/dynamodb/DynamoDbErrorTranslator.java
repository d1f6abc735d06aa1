package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.AwsError;
import dev.awsmcp.toolset.api.AwsFailures;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The one place where DynamoDB and SDK exceptions become tool failures the model can act on; the
 * codes only DynamoDB gives a meaning are here, the rest is {@link AwsFailures}.
 */
final class DynamoDbErrorTranslator {

    private static final AwsFailures FAILURES = new AwsFailures("DynamoDB",
            "ask for fewer items (limit) or a narrower key condition, or retry", " with a smaller limit");
    private static final Set<String> CONFLICTS = Set.of("TransactionConflictException", "DuplicateItemException");

    private final ToolNames names;

    DynamoDbErrorTranslator(ToolNames names) {
        this.names = names;
    }

    /**
     * Translates {@code failure} of a call touching {@code tables}.
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    ToolResult translate(Throwable failure, List<String> tables) {
        return FAILURES.translate(failure, error -> translateService(error, tables));
    }

    private ToolResult translateService(AwsError error, List<String> tables) {
        String code = error.code();
        if (error.exception() instanceof ResourceNotFoundException || "ResourceNotFoundException".equals(code)) {
            return ToolResult.failure(Kind.NOT_FOUND, notFound(tables));
        }
        if (error.exception() instanceof ConditionalCheckFailedException || "ConditionalCheckFailedException".equals(code)) {
            return ToolResult.failure(Kind.CONFLICT, "condition failed: the item changed concurrently or does not "
                    + "match condition_expression; read it again with " + names.qualified("get_item") + " before retrying");
        }
        if (CONFLICTS.contains(code)) {
            return ToolResult.failure(Kind.CONFLICT, "conflict: " + code + ": \"" + error.message() + "\"");
        }
        if ("ValidationException".equals(code) || "SerializationException".equals(code)) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "DynamoDB rejected the request: \"" + error.message() + "\"");
        }
        if ("LimitExceededException".equals(code)) {
            return FAILURES.throttled(error);
        }
        return null;
    }

    private String notFound(List<String> tables) {
        String list = names.qualified("list_tables");
        if (tables.isEmpty()) {
            return "resource not found; call " + list + " to see the tables";
        }
        String subject = tables.size() == 1 ? "table " + tables.get(0) : "one of the tables " + String.join(", ", tables);
        return subject + " not found (or not active); call " + list + " to see the tables";
    }
}
