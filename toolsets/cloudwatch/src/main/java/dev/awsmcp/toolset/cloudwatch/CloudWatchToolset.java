package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/** The CloudWatch alarm and metric tools of one configured instance, sharing one async client. */
final class CloudWatchToolset extends AwsToolset<Arguments> {

    /** Built once: the gateway asks for the kinds on every call it authorizes. */
    private static final List<ResourceKind> KINDS = Arrays.stream(CloudWatchResourceKind.values())
            .map(CloudWatchResourceKind::declared).toList();

    private final DeferredClient<CloudWatchAsyncClient> cloudWatch;
    private final CloudWatchErrorTranslator errors;
    private final String usageNotes;

    CloudWatchToolset(DeferredClient<CloudWatchAsyncClient> cloudWatch, ToolsetConfig config) {
        super("CloudWatch", cloudWatch, Arguments::new, List.of(
                new DescribeAlarmsTool(cloudWatch, config),
                new DescribeAlarmHistoryTool(cloudWatch, config),
                new ListMetricsTool(cloudWatch, config),
                new GetMetricDataTool(cloudWatch, config)));
        this.cloudWatch = cloudWatch;
        this.errors = new CloudWatchErrorTranslator(config);
        this.usageNotes = CloudWatchGuide.usageNotes(config);
    }

    @Override
    public List<ResourceKind> resourceKinds() {
        return KINDS;
    }

    @Override
    public String usageNotes() {
        return usageNotes;
    }

    @Override
    protected ToolResult translate(Throwable failure, Call<Arguments> call) {
        String subject = call.resources().stream().map(ref -> ref.kind().replace('-', ' ') + " " + ref.name()).findFirst().orElse(null);
        return errors.translate(failure, call.tool(), subject);
    }

    @Override
    protected CompletableFuture<?> probe(CallContext context) {
        return cloudWatch.call(sdk -> sdk.describeAlarms(b -> b.maxRecords(1).overrideConfiguration(context.awsOverrides())));
    }

    @Override
    protected String probeTool() {
        return "describe_alarms";
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return Optional.of(CloudWatchSessionPolicy.document(request));
    }
}
