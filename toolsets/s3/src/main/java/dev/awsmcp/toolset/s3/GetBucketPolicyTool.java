package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsError;
import dev.awsmcp.toolset.support.AwsFailures;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@code get_bucket_policy}: the bucket policy as parsed JSON; a bucket without one is a result, not an error. */
final class GetBucketPolicyTool implements Tool<Arguments> {

    private final DeferredClient<S3AsyncClient> s3;
    private final ToolSpec spec;

    GetBucketPolicyTool(DeferredClient<S3AsyncClient> s3) {
        this.s3 = s3;
        this.spec = ToolSpecs.spec("get_bucket_policy", "S3 bucket policy",
                "Use to see who may access a bucket. Returns its policy document as JSON, or has_policy=false.",
                Access.READ, ToolSpecs::bucket);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String bucket = arguments.bucket();
        return s3.call(sdk -> sdk.getBucketPolicy(b -> b.bucket(bucket).overrideConfiguration(context.awsOverrides())))
                .thenApply(response -> ToolResult.success(withPolicy(bucket, response.policy())))
                .exceptionallyCompose(failure -> isNoPolicy(failure)
                        ? CompletableFuture.completedFuture(ToolResult.success(withoutPolicy(bucket)))
                        : CompletableFuture.failedFuture(failure));
    }

    private static ObjectNode withPolicy(String bucket, String policy) {
        ObjectNode result = Json.object().put("bucket", bucket).put("has_policy", true);
        try {
            result.set("policy", Json.mapper().readTree(policy));
        } catch (JsonProcessingException e) {
            // AWS stores only valid JSON; an S3-compatible store might not. Hand over the text as is.
            result.putNull("policy");
            result.put("policy_text", policy);
        }
        return result;
    }

    private static ObjectNode withoutPolicy(String bucket) {
        ObjectNode result = Json.object().put("bucket", bucket).put("has_policy", false);
        result.putNull("policy");
        return result;
    }

    private static boolean isNoPolicy(Throwable failure) {
        Throwable cause = AwsFailures.unwrap(failure);
        return cause instanceof S3Exception && "NoSuchBucketPolicy".equals(AwsError.of((S3Exception) cause).code());
    }
}
