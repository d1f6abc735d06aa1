package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/** The CloudWatch alarm and metric tools of one configured instance, sharing one async client. */
final class CloudWatchToolset implements Toolset {

    private final CloudWatchAsyncClient cloudWatch;
    private final CloudWatchErrorTranslator errors;
    private final Map<String, CloudWatchTool> tools = new LinkedHashMap<>();
    private final List<ToolSpec> specs;
    private final String usageNotes;

    CloudWatchToolset(CloudWatchAsyncClient cloudWatch, ToolsetConfig config) {
        this.cloudWatch = cloudWatch;
        this.errors = new CloudWatchErrorTranslator(config);
        this.usageNotes = CloudWatchGuide.usageNotes(config);
        for (CloudWatchTool tool : List.of(
                new DescribeAlarmsTool(cloudWatch, config),
                new DescribeAlarmHistoryTool(cloudWatch, config),
                new ListMetricsTool(cloudWatch, config),
                new GetMetricDataTool(cloudWatch, config))) {
            tools.put(tool.spec().name(), tool);
        }
        this.specs = tools.values().stream().map(CloudWatchTool::spec).toList();
    }

    @Override
    public List<dev.awsmcp.toolset.api.ResourceKind> resourceKinds() {
        return java.util.Arrays.stream(CloudWatchResourceKind.values()).map(CloudWatchResourceKind::declared).toList();
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
    public CompletionStage<ToolResult> call(ToolCall call, CallContext context) {
        CloudWatchTool tool = tools.get(call.tool());
        if (tool == null) {
            // The gateway resolves names against tools(); reaching here is a gateway bug.
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown CloudWatch tool " + call.tool()));
        }
        String subject = tool.spec().resources().apply(call.arguments()).stream()
                .map(ref -> ref.kind().replace('-', ' ') + " " + ref.name()).findFirst().orElse(null);
        CompletableFuture<ToolResult> result;
        try {
            result = tool.call(new Arguments(call.arguments()), context);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((success, failure) -> failure == null ? success : errors.translate(failure, call.tool(), subject));
    }

    @Override
    public CompletionStage<Health> check(CallContext context) {
        return cloudWatch.describeAlarms(b -> b.maxRecords(1).overrideConfiguration(context.awsOverrides()))
                .handle((response, failure) -> {
                    if (failure == null) {
                        return Health.up();
                    }
                    ToolResult translated = errors.translate(failure, "describe_alarms", null);
                    return Health.down(((ToolResult.Failure) translated).message());
                });
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return Optional.of(CloudWatchSessionPolicy.document(request));
    }

    @Override
    public void close() {
        cloudWatch.close();
    }
}
