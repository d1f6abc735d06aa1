package dev.awsmcp.toolset.s3;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** {@code head_object}: an object's metadata, never its body. */
final class HeadObjectTool implements Tool<Arguments> {

    private final DeferredClient<S3AsyncClient> s3;
    private final ToolSpec spec;

    HeadObjectTool(DeferredClient<S3AsyncClient> s3) {
        this.s3 = s3;
        this.spec = ToolSpecs.spec("head_object", "S3 object metadata",
                "Use for an object's metadata, not its body. Returns content type and length, last modified, etag, version "
                        + "id, storage class and user metadata.",
                Access.READ, ToolSpecs::object);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String bucket = arguments.bucket();
        String key = arguments.key();
        return s3.call(sdk -> sdk.headObject(b -> b.bucket(bucket).key(key)
                        .versionId(arguments.optionalNonEmptyText("version_id"))
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(head -> ToolResult.success(ObjectDescriptions.head(bucket, key, head)));
    }
}
