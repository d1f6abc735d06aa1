package dev.awsmcp.toolset.s3;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The one place where S3 and SDK exceptions become tool failures the model can act on. Anything that
 * is neither an AWS error nor a bad argument is a bug and stays an exception.
 */
final class S3ErrorTranslator {

    private static final Set<String> THROTTLING = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled", "ServiceUnavailable");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "AccountProblem", "InvalidObjectState");
    private static final Set<String> INVALID = Set.of("InvalidArgument", "InvalidBucketName", "KeyTooLongError",
            "InvalidRequest", "MetadataTooLarge", "EntityTooLarge", "InvalidDigest", "BadDigest", "MalformedXML");
    private static final Set<String> WRONG_REGION = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException", "TemporaryRedirect");

    private final ToolsetConfig config;

    S3ErrorTranslator(ToolsetConfig config) {
        this.config = config;
    }

    /**
     * Translates {@code failure} of a call with {@code arguments}.
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    ToolResult translate(Throwable failure, Arguments arguments) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ToolArgumentException) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, cause.getMessage());
        }
        if (isTimeout(cause)) {
            return ToolResult.failure(Kind.TIMEOUT, "S3 did not answer before the call's deadline; "
                    + "ask for fewer keys (max_keys) or a shorter range (range_length), or retry");
        }
        if (cause instanceof S3Exception) {
            return translateService((S3Exception) cause, arguments);
        }
        if (cause instanceof SdkClientException) {
            return ToolResult.failure(Kind.UPSTREAM, "S3 could not be reached: " + cause.getMessage());
        }
        if (cause instanceof SdkException) {
            return ToolResult.failure(Kind.UPSTREAM, "S3 call failed: " + cause.getMessage());
        }
        throw failure instanceof CompletionException ? (CompletionException) failure : new CompletionException(failure);
    }

    private ToolResult translateService(S3Exception e, Arguments arguments) {
        String code = errorCode(e);
        String message = e.awsErrorDetails() == null ? e.getMessage() : String.valueOf(e.awsErrorDetails().errorMessage());
        String bucket = arguments.optionalText(Arguments.BUCKET);
        String key = arguments.optionalText(Arguments.KEY);
        if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(code)) {
            return ToolResult.failure(Kind.NOT_FOUND, "bucket " + (bucket == null ? "" : bucket + " ")
                    + "not found; call " + config.exposedName("list_buckets") + " to see the buckets");
        }
        if (e instanceof NoSuchKeyException || "NoSuchKey".equals(code) || (e.statusCode() == 404 && key != null)) {
            // HEAD answers 404 without a body, for a missing key and a missing bucket alike.
            return ToolResult.failure(Kind.NOT_FOUND, "object s3://" + bucket + "/" + key + " not found; list keys with "
                    + config.exposedName("list_objects"));
        }
        if ("InvalidRange".equals(code) || e.statusCode() == 416) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "range_start " + arguments.optionalLong("range_start", 0)
                    + " is at or past the end of s3://" + bucket + "/" + key + "; call " + config.exposedName("head_object")
                    + " for its content_length");
        }
        if ("PreconditionFailed".equals(code) || e.statusCode() == 412) {
            return ToolResult.failure(Kind.CONFLICT, "condition failed: s3://" + bucket + "/" + key
                    + " already exists (if_none_match) or changed (if_match); read it with "
                    + config.exposedName("head_object") + " before retrying");
        }
        if ("ConditionalRequestConflict".equals(code) || "OperationAborted".equals(code)) {
            return ToolResult.failure(Kind.CONFLICT, "conflict: another write to s3://" + bucket + "/" + key
                    + " is in progress (" + code + "); retry");
        }
        if (DENIED.contains(code) || e.statusCode() == 403) {
            return ToolResult.failure(Kind.ACCESS_DENIED, "access denied by AWS: \"" + message + "\"");
        }
        if (THROTTLING.contains(code) || e.isThrottlingException() || e.statusCode() == 503) {
            return ToolResult.failure(Kind.THROTTLED, "S3 throttled the request (" + (code.isEmpty() ? "HTTP " + e.statusCode() : code)
                    + "); wait a few seconds and retry");
        }
        if (WRONG_REGION.contains(code) || e.statusCode() == 301) {
            return ToolResult.failure(Kind.UPSTREAM, "bucket " + bucket + " is not in this toolset's region ("
                    + config.region().id() + "); S3 said: \"" + message + "\"");
        }
        if (INVALID.contains(code)) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "S3 rejected the request: \"" + message + "\"");
        }
        return ToolResult.failure(Kind.UPSTREAM, "S3 failed (" + (code.isEmpty() ? "HTTP " + e.statusCode() : code)
                + "): \"" + message + "\"");
    }

    /** The S3 error code, or "" when the response had no body (HEAD requests). */
    static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // Netty's ReadTimeoutException is not a java.util.concurrent.TimeoutException; match it by name.
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().equals("ReadTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
