package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ResourceRef;
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
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/** The CloudWatch Logs tools of one configured instance, sharing one async client. */
final class LogsToolset implements Toolset {

    private final CloudWatchLogsAsyncClient logs;
    private final LogsErrorTranslator errors;
    private final Map<String, LogsTool> tools = new LinkedHashMap<>();
    private final List<ToolSpec> specs;
    private final String usageNotes;

    LogsToolset(CloudWatchLogsAsyncClient logs, ToolsetConfig config, InsightsPoller.Settings polling) {
        this(logs, config, polling, new InsightsQueries(java.time.Clock.systemUTC()));
    }

    LogsToolset(CloudWatchLogsAsyncClient logs, ToolsetConfig config, InsightsPoller.Settings polling, InsightsQueries queries) {
        this.logs = logs;
        this.errors = new LogsErrorTranslator(config);
        this.usageNotes = LogsGuide.usageNotes(config);
        InsightsPoller poller = new InsightsPoller(logs, config, polling);
        for (LogsTool tool : List.of(
                new DescribeLogGroupsTool(logs),
                new DescribeLogStreamsTool(logs, config),
                new FilterLogEventsTool(logs, config),
                new GetLogEventsTool(logs, config),
                new RunInsightsQueryTool(logs, config, poller, queries),
                new GetInsightsResultsTool(config, poller, queries))) {
            tools.put(tool.spec().name(), tool);
        }
        this.specs = tools.values().stream().map(LogsTool::spec).toList();
    }

    @Override
    public List<dev.awsmcp.toolset.api.ResourceKind> resourceKinds() {
        return List.of(LogsResources.LOG_GROUP_KIND);
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
        return LogsGuide.resourceTemplates();
    }

    @Override
    public CompletionStage<ToolResult> call(ToolCall call, CallContext context) {
        LogsTool tool = tools.get(call.tool());
        if (tool == null) {
            // The gateway resolves names against tools(); reaching here is a gateway bug.
            return CompletableFuture.failedFuture(new IllegalArgumentException("unknown CloudWatch Logs tool " + call.tool()));
        }
        Arguments arguments = new Arguments(call.arguments());
        List<String> groups;
        try {
            groups = tool.spec().resources().apply(call.arguments()).stream().map(ResourceRef::name).toList();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT, e.getMessage()));
        }
        LogsErrorTranslator.Subject subject = new LogsErrorTranslator.Subject(groups,
                arguments.optionalNonEmptyText("stream"), arguments.optionalNonEmptyText("query_id"));
        CompletableFuture<ToolResult> result;
        try {
            result = tool.call(arguments, context);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((success, failure) -> failure == null ? success : errors.translate(failure, call.tool(), subject));
    }

    @Override
    public CompletionStage<Health> check(CallContext context) {
        return logs.describeLogGroups(b -> b.limit(1).overrideConfiguration(context.awsOverrides()))
                .handle((response, failure) -> {
                    if (failure == null) {
                        return Health.up();
                    }
                    ToolResult translated = errors.translate(failure, "", LogsErrorTranslator.Subject.NONE);
                    return Health.down(((ToolResult.Failure) translated).message());
                });
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return Optional.of(LogsSessionPolicy.document(request));
    }

    @Override
    public void close() {
        logs.close();
    }
}
