package dev.awsmcp.toolset.s3;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ResourceTemplateSpec;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** The S3 tools of one configured instance, sharing one async client. */
final class S3Toolset implements Toolset {

    private final S3AsyncClient s3;
    private final S3ErrorTranslator errors;
    private final Map<String, S3Tool> tools = new LinkedHashMap<>();
    private final List<ToolSpec> specs;
    private final String usageNotes;

    S3Toolset(S3AsyncClient s3, ToolsetConfig config) {
        this.s3 = s3;
        this.errors = new S3ErrorTranslator(config);
        this.usageNotes = S3Guide.usageNotes(config);
        for (S3Tool tool : List.of(
                new ListBucketsTool(s3),
                new ListObjectsTool(s3),
                new HeadObjectTool(s3),
                new GetObjectTool(s3, config),
                new GetBucketPolicyTool(s3),
                new PutObjectTool(s3))) {
            tools.put(tool.spec().name(), tool);
        }
        this.specs = tools.values().stream().map(S3Tool::spec).toList();
    }

    @Override
    public List<dev.awsmcp.toolset.api.ResourceKind> resourceKinds() {
        return S3Resources.KINDS;
    }

    @Override
    public List<ToolSpec> tools() {
        return specs;
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
    public CompletionStage<ToolResult> call(ToolCall call, CallContext context) {
        S3Tool tool = tools.get(call.tool());
        if (tool == null) {
            // The gateway resolves names against tools(); reaching here is a gateway bug.
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown S3 tool " + call.tool()));
        }
        Arguments arguments = new Arguments(call.arguments());
        CompletableFuture<ToolResult> result;
        try {
            result = tool.call(arguments, context);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((success, failure) -> failure == null ? success : errors.translate(failure, call.tool(), arguments));
    }

    @Override
    public CompletionStage<Health> check(CallContext context) {
        return s3.listBuckets(b -> b.maxBuckets(1).overrideConfiguration(context.awsOverrides()))
                .handle((response, failure) -> {
                    if (failure == null) {
                        return Health.up();
                    }
                    ToolResult translated = errors.translate(failure, "", new Arguments(Json.object()));
                    return Health.down(((ToolResult.Failure) translated).message());
                });
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return S3SessionPolicy.document(request);
    }

    @Override
    public void close() {
        s3.close();
    }
}
