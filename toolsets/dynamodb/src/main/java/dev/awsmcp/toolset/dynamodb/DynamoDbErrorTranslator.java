package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The one place where DynamoDB and SDK exceptions become tool failures the model can act on.
 * Anything that is neither an AWS error nor a bad argument is a bug and stays an exception.
 */
final class DynamoDbErrorTranslator {

    private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException",
            "ThrottlingException", "RequestLimitExceeded", "LimitExceededException");
    private static final Set<String> DENIED = Set.of("AccessDeniedException", "UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException");
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
        Throwable cause = unwrap(failure);
        if (cause instanceof ToolArgumentException) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, cause.getMessage());
        }
        if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
            return ToolResult.failure(Kind.TIMEOUT, "DynamoDB did not answer before the call's deadline; "
                    + "ask for fewer items (limit) or a narrower key condition, or retry");
        }
        if (cause instanceof DynamoDbException) {
            return translateService((DynamoDbException) cause, tables);
        }
        if (cause instanceof SdkClientException) {
            return ToolResult.failure(Kind.UPSTREAM, "DynamoDB could not be reached: " + cause.getMessage());
        }
        if (cause instanceof SdkException) {
            return ToolResult.failure(Kind.UPSTREAM, "DynamoDB call failed: " + cause.getMessage());
        }
        throw failure instanceof CompletionException ? (CompletionException) failure : new CompletionException(failure);
    }

    private ToolResult translateService(DynamoDbException e, List<String> tables) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null ? e.getMessage() : String.valueOf(e.awsErrorDetails().errorMessage());
        if (e instanceof ResourceNotFoundException || "ResourceNotFoundException".equals(code)) {
            return ToolResult.failure(Kind.NOT_FOUND, notFound(tables));
        }
        if (e instanceof ConditionalCheckFailedException || "ConditionalCheckFailedException".equals(code)) {
            return ToolResult.failure(Kind.CONFLICT, "condition failed: the item changed concurrently or does not "
                    + "match condition_expression; read it again with " + names.qualified("get_item") + " before retrying");
        }
        if (CONFLICTS.contains(code)) {
            return ToolResult.failure(Kind.CONFLICT, "conflict: " + code + ": \"" + message + "\"");
        }
        if ("ValidationException".equals(code) || "SerializationException".equals(code)) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "DynamoDB rejected the request: \"" + message + "\"");
        }
        if (DENIED.contains(code) || e.statusCode() == 403) {
            return ToolResult.failure(Kind.ACCESS_DENIED, "access denied by AWS: \"" + message + "\"");
        }
        if (THROTTLING.contains(code) || e.isThrottlingException()) {
            return ToolResult.failure(Kind.THROTTLED, "DynamoDB throttled the request (" + code
                    + "); wait a few seconds and retry with a smaller limit");
        }
        return ToolResult.failure(Kind.UPSTREAM, "DynamoDB failed (" + (code.isEmpty() ? "HTTP " + e.statusCode() : code)
                + "): \"" + message + "\"");
    }

    private String notFound(List<String> tables) {
        String list = names.qualified("list_tables");
        if (tables.isEmpty()) {
            return "resource not found; call " + list + " to see the tables";
        }
        String subject = tables.size() == 1 ? "table " + tables.get(0) : "one of the tables " + String.join(", ", tables);
        return subject + " not found (or not active); call " + list + " to see the tables";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
