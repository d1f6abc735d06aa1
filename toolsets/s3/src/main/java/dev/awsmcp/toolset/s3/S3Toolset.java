package dev.awsmcp.toolset.s3;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.ResourceTemplateSpec;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** The S3 tools of one configured instance, sharing one async client. */
final class S3Toolset extends AwsToolset<Arguments> {

    private final DeferredClient<S3AsyncClient> s3;
    private final S3ErrorTranslator errors;
    private final String usageNotes;

    S3Toolset(DeferredClient<S3AsyncClient> s3, ToolsetConfig config) {
        super("S3", s3, Arguments::new, List.of(
                new ListBucketsTool(s3),
                new ListObjectsTool(s3),
                new HeadObjectTool(s3),
                new GetObjectTool(s3, config),
                new GetBucketPolicyTool(s3),
                new PutObjectTool(s3)));
        this.s3 = s3;
        this.errors = new S3ErrorTranslator(config);
        this.usageNotes = S3Guide.usageNotes(config);
    }

    @Override
    public List<ResourceKind> resourceKinds() {
        return S3Resources.KINDS;
    }

    @Override
    public String usageNotes() {
        return usageNotes;
    }

    @Override
    public List<ResourceTemplateSpec> resourceTemplates() {
        return S3Guide.resourceTemplates();
    }

    @Override
    protected ToolResult translate(Throwable failure, Call<Arguments> call) {
        return errors.translate(failure, call.tool(), call.arguments());
    }

    @Override
    protected CompletableFuture<?> probe(CallContext context) {
        return s3.call(sdk -> sdk.listBuckets(b -> b.maxBuckets(1).overrideConfiguration(context.awsOverrides())));
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return S3SessionPolicy.document(request);
    }
}
