package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.AwsError;
import dev.awsmcp.toolset.support.AwsFailures;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The one place where DynamoDB and SDK exceptions become tool failures the model can act on; the
 * codes only DynamoDB gives a meaning are here, the rest is {@link AwsFailures}.
 */
final class DynamoDbErrorTranslator {

    /**
     * What a failed call was about, for messages that name it.
     *
     * @param tool the tool's short name, e.g. {@code get_item}; empty for the health check
     * @param tables the tables the call touched; may be empty
     * @param index the secondary index the call read, or {@code null}
     * @param keyAttributes the attribute names of the {@code key} argument, empty when the call has none
     */
    record Subject(String tool, List<String> tables, String index, List<String> keyAttributes) {
        Subject {
            tables = List.copyOf(tables);
            keyAttributes = List.copyOf(keyAttributes);
        }

        static final Subject NONE = new Subject("", List.of(), null, List.of());

        /** The subject of a call of {@code tool} with {@code arguments} touching {@code tables}. */
        static Subject of(String tool, JsonNode arguments, List<String> tables) {
            JsonNode index = arguments.path("index");
            List<String> keyAttributes = new ArrayList<>();
            arguments.path("key").fieldNames().forEachRemaining(keyAttributes::add);
            return new Subject(tool, tables, index.isTextual() && !index.asText().isEmpty() ? index.asText() : null, keyAttributes);
        }
    }

    private static final AwsFailures FAILURES = new AwsFailures("DynamoDB", "retry", " with a smaller limit");
    private static final Set<String> CONFLICTS = Set.of("TransactionConflictException", "DuplicateItemException");

    private final ToolNames names;
    private final Map<String, AwsFailures> byTool;

    DynamoDbErrorTranslator(ToolNames names) {
        this.names = names;
        String writeHint = "the write may or may not have been applied: read the item with " + names.qualified("get_item")
                + " before retrying";
        this.byTool = Map.of(
                "list_tables", FAILURES.withTimeoutHint("ask for fewer tables (limit), or retry"),
                "query", FAILURES.withTimeoutHint("ask for fewer items (limit) or a narrower key condition, or retry"),
                "scan", FAILURES.withTimeoutHint("ask for fewer items (limit), or retry"),
                "execute_partiql", FAILURES.withTimeoutHint("ask for fewer items (limit) or a narrower WHERE clause, or retry"),
                "put_item", FAILURES.withTimeoutHint(writeHint),
                "update_item", FAILURES.withTimeoutHint(writeHint),
                "delete_item", FAILURES.withTimeoutHint(writeHint));
    }

    /**
     * Translates {@code failure} of a call about {@code subject}.
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    ToolResult translate(Throwable failure, Subject subject) {
        return byTool.getOrDefault(subject.tool(), FAILURES).translate(failure, error -> translateService(error, subject));
    }

    private ToolResult translateService(AwsError error, Subject subject) {
        String code = error.code();
        String message = error.message().toLowerCase(Locale.ROOT);
        if (subject.index() != null && (message.contains("index") && ("ResourceNotFoundException".equals(code)
                || "ValidationException".equals(code)))) {
            // AWS: ValidationException "The table does not have the specified index"; moto: ResourceNotFoundException "Invalid index".
            return ToolResult.failure(Kind.NOT_FOUND, "index " + subject.index() + " not found on table " + String.join(", ",
                    subject.tables()) + "; call " + names.qualified("describe_table") + " to see its indexes, or omit index to read the table");
        }
        if (error.exception() instanceof ResourceNotFoundException || "ResourceNotFoundException".equals(code)) {
            return ToolResult.failure(Kind.NOT_FOUND, notFound(subject.tables()));
        }
        if (error.exception() instanceof ConditionalCheckFailedException || "ConditionalCheckFailedException".equals(code)) {
            return ToolResult.failure(Kind.CONFLICT, "condition failed: the item changed concurrently or does not "
                    + "match condition_expression; read it again with " + names.qualified("get_item") + " before retrying");
        }
        if (CONFLICTS.contains(code)) {
            return ToolResult.failure(Kind.CONFLICT, "conflict: " + code + ": \"" + error.message() + "\"");
        }
        if ("ValidationException".equals(code) && !subject.keyAttributes().isEmpty() && keyMismatch(message)) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "key {" + String.join(", ", subject.keyAttributes())
                    + "} does not match the key schema of table " + String.join(", ", subject.tables()) + ": give exactly its "
                    + "partition key and, if it has one, its sort key, with the types the table declares; call "
                    + names.qualified("describe_table") + " to see them");
        }
        if ("ValidationException".equals(code) || "SerializationException".equals(code)) {
            String request = subject.tool().isEmpty() ? "the request" : names.qualified(subject.tool());
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "DynamoDB rejected " + request + on(subject.tables()) + ": \""
                    + error.message() + "\"; fix the argument it names and call again");
        }
        if ("LimitExceededException".equals(code)) {
            return FAILURES.throttled(error);
        }
        return null;
    }

    /**
     * AWS says "The provided key element does not match the schema"; moto only "Validation Exception" when a key
     * attribute is missing.
     */
    private static boolean keyMismatch(String message) {
        return message.contains("key element does not match") || message.equals("validation exception");
    }

    private static String on(List<String> tables) {
        return tables.isEmpty() ? "" : " on table " + String.join(", ", tables);
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
