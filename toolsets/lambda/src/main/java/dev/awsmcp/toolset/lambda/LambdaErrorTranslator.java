package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * The one place where Lambda and SDK exceptions become tool failures the model can act on.
 * Anything that is neither an AWS error nor a bad argument is a bug and stays an exception.
 */
final class LambdaErrorTranslator {

    private static final Set<String> DENIED = Set.of("AccessDeniedException", "UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException");
    private static final Set<String> INVALID = Set.of("InvalidRequestContentException", "InvalidParameterValueException",
            "RequestTooLargeException", "UnsupportedMediaTypeException", "ValidationException", "SerializationException");
    private static final Set<String> NOT_READY = Set.of("ResourceConflictException", "ResourceNotReadyException");
    private static final String INVOKE = "invoke";

    private final ToolsetConfig config;

    LambdaErrorTranslator(ToolsetConfig config) {
        this.config = config;
    }

    /**
     * Translates {@code failure} of a call of {@code tool} on {@code function} (null for listings).
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    ToolResult translate(Throwable failure, String tool, String function) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ToolArgumentException) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, cause.getMessage());
        }
        if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
            return ToolResult.failure(Kind.TIMEOUT, INVOKE.equals(tool)
                    ? "the invocation did not answer before the call's deadline; the function may still be running "
                            + "or may have completed: check its logs before invoking again"
                    : "Lambda did not answer before the call's deadline; retry, or ask for fewer entries (limit)");
        }
        if (cause instanceof LambdaException) {
            return translateService((LambdaException) cause, function);
        }
        if (cause instanceof SdkClientException) {
            return ToolResult.failure(Kind.UPSTREAM, "Lambda could not be reached: " + cause.getMessage());
        }
        if (cause instanceof SdkException) {
            return ToolResult.failure(Kind.UPSTREAM, "Lambda call failed: " + cause.getMessage());
        }
        throw failure instanceof CompletionException ? (CompletionException) failure : new CompletionException(failure);
    }

    private ToolResult translateService(LambdaException e, String function) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null ? e.getMessage() : String.valueOf(e.awsErrorDetails().errorMessage());
        if (e instanceof ResourceNotFoundException || "ResourceNotFoundException".equals(code)) {
            return ToolResult.failure(Kind.NOT_FOUND, notFound(function));
        }
        if (INVALID.contains(code)) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "Lambda rejected the request (" + code + "): \"" + message + "\"");
        }
        if (DENIED.contains(code) || e.statusCode() == 403) {
            return ToolResult.failure(Kind.ACCESS_DENIED, "access denied by AWS: \"" + message + "\"");
        }
        if (e instanceof TooManyRequestsException || "TooManyRequestsException".equals(code) || e.isThrottlingException()) {
            // For invoke this includes the function's reserved concurrency being exhausted; AWS's message says which.
            return ToolResult.failure(Kind.THROTTLED, "Lambda throttled the request: \"" + message
                    + "\"; wait a few seconds before retrying");
        }
        if (NOT_READY.contains(code)) {
            return ToolResult.failure(Kind.CONFLICT, "the function is being created or updated (" + code + "): \""
                    + message + "\"; check its state with " + config.exposedName("get_function_configuration"));
        }
        return ToolResult.failure(Kind.UPSTREAM, "Lambda failed (" + (code.isEmpty() ? "HTTP " + e.statusCode() : code)
                + "): \"" + message + "\"");
    }

    private String notFound(String function) {
        String list = config.exposedName("list_functions");
        if (function == null) {
            return "resource not found; call " + list + " to see the functions";
        }
        return "function " + function + " not found; call " + list + " to see the functions"
                + (function.contains(":")
                        ? ", or " + config.exposedName("list_aliases") + " and "
                                + config.exposedName("list_versions_by_function") + " for its qualifiers"
                        : "");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
