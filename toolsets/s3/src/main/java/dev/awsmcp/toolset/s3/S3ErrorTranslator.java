package dev.awsmcp.toolset.s3;

import dev.awsmcp.toolset.support.AwsError;
import dev.awsmcp.toolset.support.AwsFailures;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The one place where S3 and SDK exceptions become tool failures the model can act on; the codes
 * only S3 gives a meaning are here, the rest is {@link AwsFailures}.
 */
final class S3ErrorTranslator {

    private static final AwsFailures FAILURES = new AwsFailures("S3", "retry", "");
    private static final Set<String> INVALID = Set.of("InvalidArgument", "InvalidBucketName", "KeyTooLongError",
            "InvalidRequest", "MetadataTooLarge", "EntityTooLarge", "InvalidDigest", "BadDigest", "MalformedXML");
    private static final Set<String> WRONG_REGION = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException", "TemporaryRedirect");

    private final ToolsetConfig config;
    private final Map<String, AwsFailures> byTool;

    S3ErrorTranslator(ToolsetConfig config) {
        this.config = config;
        this.byTool = Map.of(
                "list_buckets", FAILURES.withTimeoutHint("ask for fewer buckets (limit), or retry"),
                "list_objects", FAILURES.withTimeoutHint("ask for fewer keys (max_keys) or give a longer prefix, or retry"),
                "get_object", FAILURES.withTimeoutHint("read a shorter range (range_length), or retry"),
                "put_object", FAILURES.withTimeoutHint("the object may or may not have been written: check with "
                        + config.exposedName("head_object") + " before retrying"));
    }

    /**
     * Translates {@code failure} of a call of {@code tool} (its short name; empty for the health check) with {@code arguments}.
     *
     * @throws CompletionException wrapping {@code failure} when it is a bug, not an AWS or argument error
     */
    ToolResult translate(Throwable failure, String tool, Arguments arguments) {
        return byTool.getOrDefault(tool, FAILURES).translate(failure, error -> translateService(error, arguments));
    }

    private ToolResult translateService(AwsError error, Arguments arguments) {
        String code = error.code();
        int status = error.status();
        String bucket = arguments.optionalText(Arguments.BUCKET);
        String key = arguments.optionalText(Arguments.KEY);
        if (error.exception() instanceof NoSuchBucketException || "NoSuchBucket".equals(code)) {
            return ToolResult.failure(Kind.NOT_FOUND, "bucket " + (bucket == null ? "" : bucket + " ")
                    + "not found; call " + config.exposedName("list_buckets") + " to see the buckets");
        }
        if (error.exception() instanceof NoSuchKeyException || "NoSuchKey".equals(code) || (status == 404 && key != null)) {
            // HEAD answers 404 without a body, for a missing key and a missing bucket alike; the SDK then makes a
            // NoSuchKeyException of it, after the retry rules saw it without a code.
            return ToolResult.failure(Kind.NOT_FOUND, "object s3://" + bucket + "/" + key + " not found; list keys with "
                    + config.exposedName("list_objects"));
        }
        if ("InvalidRange".equals(code) || status == 416) {
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "range_start " + arguments.optionalLong("range_start", 0)
                    + " is at or past the end of s3://" + bucket + "/" + key + "; call " + config.exposedName("head_object")
                    + " for its content_length");
        }
        if ("PreconditionFailed".equals(code) || status == 412) {
            return ToolResult.failure(Kind.CONFLICT, "condition failed: " + where(bucket, key)
                    + " already exists (if_none_match) or changed (if_match); read it with "
                    + config.exposedName("head_object") + " before retrying");
        }
        if ("ConditionalRequestConflict".equals(code) || "OperationAborted".equals(code)) {
            return ToolResult.failure(Kind.CONFLICT, "conflict: another write to " + where(bucket, key)
                    + " is in progress (" + code + "); retry");
        }
        if ("ServiceUnavailable".equals(code) || status == 503) {
            return FAILURES.throttled(error);
        }
        if (WRONG_REGION.contains(code) || status == 301) {
            // The caller named a bucket elsewhere: S3 itself is fine.
            return ToolResult.failure(Kind.INVALID_ARGUMENT, (bucket == null ? "the bucket" : "bucket " + bucket)
                    + " is not in this toolset's region ("
                    + config.region().id() + "); use a toolset configured for the bucket's region. S3 said: \"" + error.message() + "\"");
        }
        if (INVALID.contains(code)) {
            String target = bucket == null ? "" : " for " + where(bucket, key);
            return ToolResult.failure(Kind.INVALID_ARGUMENT, "S3 rejected the request" + target + " (" + code + "): \""
                    + error.message() + "\"; fix the argument it names and call again");
        }
        return null;
    }

    /** {@code s3://bucket/key}, or {@code bucket B} for a call without a key, for messages. */
    private static String where(String bucket, String key) {
        return key == null ? "bucket " + bucket : "s3://" + bucket + "/" + key;
    }
}
