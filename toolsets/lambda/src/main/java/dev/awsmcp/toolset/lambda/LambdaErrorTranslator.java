package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.support.AwsError;
import dev.awsmcp.toolset.support.AwsFailures;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.Set;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The one place where Lambda and SDK exceptions become tool failures the model can act on; the
 * codes only Lambda gives a meaning are here, the rest is {@link AwsFailures}. Throttling of invoke
 * includes the function's reserved concurrency being exhausted; the quoted AWS message says which.
 */
final class LambdaErrorTranslator {

    private static final AwsFailures FAILURES = new AwsFailures("Lambda", "retry", "");
    private static final AwsFailures LISTING_FAILURES = FAILURES.withTimeoutHint("ask for fewer entries (limit), or retry");
    private static final AwsFailures INVOKE_FAILURES = FAILURES.withTimeoutHint(
            "the function may still be running or may have completed: check its logs before invoking again");
    /**
     * Errors (most of them 5xx) that say one function cannot run as configured (its VPC, KMS key, EFS mount, code or
     * runtime), not that Lambda is failing: they must not count against the service, and only the function's owners fix them.
     */
    private static final Set<String> FUNCTION_BROKEN = Set.of("EC2AccessDeniedException", "EC2UnexpectedException",
            "EFSIOException", "EFSMountConnectivityException", "EFSMountFailureException", "EFSMountTimeoutException",
            "ENILimitReachedException", "InvalidRuntimeException", "InvalidSecurityGroupIDException", "InvalidSubnetIDException",
            "InvalidZipFileException", "KMSAccessDeniedException", "KMSDisabledException", "KMSInvalidStateException",
            "KMSNotFoundException", "SnapStartException", "SnapStartNotReadyException", "SnapStartTimeoutException",
            "SubnetIPAddressLimitReachedException", "RecursiveInvocationException");
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
        AwsFailures failures = INVOKE.equals(tool) ? INVOKE_FAILURES : tool.startsWith("list_") ? LISTING_FAILURES : FAILURES;
        return failures.translate(failure, error -> translateService(error, function));
    }

    private ToolResult translateService(AwsError error, String function) {
        String code = error.code();
        if (error.exception() instanceof ResourceNotFoundException || "ResourceNotFoundException".equals(code)) {
            return ToolResult.failure(Kind.NOT_FOUND, notFound(function));
        }
        if (INVALID.contains(code)) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "Lambda rejected the request (" + code + "): \""
                    + error.message() + "\"");
        }
        if (FUNCTION_BROKEN.contains(code)) {
            return ToolResult.failure(Kind.CONFLICT, (function == null ? "the function" : "function " + function)
                    + " cannot run as configured (" + code + "): \""
                    + error.message() + "\"; its owners must fix its configuration; "
                    + config.exposedName("get_function_configuration") + " shows it");
        }
        if (NOT_READY.contains(code)) {
            return ToolResult.failure(Kind.CONFLICT, "the function is being created or updated (" + code + "): \""
                    + error.message() + "\"; check its state with " + config.exposedName("get_function_configuration"));
        }
        return null;
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
}
