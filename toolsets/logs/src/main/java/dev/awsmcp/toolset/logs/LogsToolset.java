package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ResourceTemplateSpec;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/** The CloudWatch Logs tools of one configured instance, sharing one async client. */
final class LogsToolset extends AwsToolset<Arguments> {

    private final DeferredClient<CloudWatchLogsAsyncClient> logs;
    private final LogsErrorTranslator errors;
    private final String usageNotes;

    LogsToolset(DeferredClient<CloudWatchLogsAsyncClient> logs, ToolsetConfig config, InsightsPoller.Settings polling) {
        this(logs, config, polling, new InsightsQueries(Clock.systemUTC()));
    }

    LogsToolset(DeferredClient<CloudWatchLogsAsyncClient> logs, ToolsetConfig config, InsightsPoller.Settings polling,
            InsightsQueries queries) {
        super("CloudWatch Logs", logs, Arguments::new, tools(logs, config, new InsightsPoller(logs, config, polling), queries));
        this.logs = logs;
        this.errors = new LogsErrorTranslator(config);
        this.usageNotes = LogsGuide.usageNotes(config);
    }

    private static List<Tool<Arguments>> tools(DeferredClient<CloudWatchLogsAsyncClient> logs, ToolsetConfig config, InsightsPoller poller,
            InsightsQueries queries) {
        return List.of(
                new DescribeLogGroupsTool(logs),
                new DescribeLogStreamsTool(logs, config),
                new FilterLogEventsTool(logs, config),
                new GetLogEventsTool(logs, config),
                new RunInsightsQueryTool(logs, config, poller, queries),
                new GetInsightsResultsTool(config, poller, queries));
    }

    @Override
    public List<ResourceKind> resourceKinds() {
        return List.of(LogsResources.LOG_GROUP_KIND);
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
    protected ToolResult translate(Throwable failure, Call<Arguments> call) {
        Arguments arguments = call.arguments();
        LogsErrorTranslator.Subject subject = new LogsErrorTranslator.Subject(call.resources().stream().map(ResourceRef::name).toList(),
                arguments.optionalNonEmptyText("stream"), arguments.optionalNonEmptyText("query_id"));
        return errors.translate(failure, call.tool(), subject);
    }

    @Override
    protected CompletableFuture<?> probe(CallContext context) {
        return logs.call(sdk -> sdk.describeLogGroups(b -> b.limit(1).overrideConfiguration(context.awsOverrides())));
    }

    @Override
    public Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return Optional.of(LogsSessionPolicy.document(request));
    }
}
