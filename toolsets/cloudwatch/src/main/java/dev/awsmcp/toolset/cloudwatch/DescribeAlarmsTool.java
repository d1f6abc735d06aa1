package dev.awsmcp.toolset.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;

/**
 * {@code describe_alarms}: the alarms this caller may see, metric and composite, filtered by state, name
 * prefix and type. A listing: it names no resource, and alarms outside the caller's policy are left out as
 * if they did not exist (also with a prefix, which is not an alarm name).
 */
final class DescribeAlarmsTool implements Tool<Arguments> {

    /** The most alarms DescribeAlarms returns per request. */
    static final int AWS_PAGE = 100;
    private static final String NAME = "describe_alarms";

    private final DeferredClient<CloudWatchAsyncClient> cloudWatch;
    private final ToolSpec spec;

    DescribeAlarmsTool(DeferredClient<CloudWatchAsyncClient> cloudWatch, ToolsetConfig config) {
        this.cloudWatch = cloudWatch;
        this.spec = ToolSpecs.spec(NAME, "List CloudWatch alarms",
                "Use to see what is firing (state ALARM) or find alarms; then " + config.exposedName("get_metric_data") + " and "
                        + config.exposedName("describe_alarm_history") + ". Returns each alarm's state, reason, metric and threshold.",
                arguments -> List.of());
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String state = arguments.optionalNonEmptyText("state");
        String prefix = arguments.optionalNonEmptyText("prefix");
        List<String> types = arguments.texts("alarm_types").isEmpty()
                ? List.of(Descriptions.METRIC, Descriptions.COMPOSITE) : arguments.texts("alarm_types");
        List<AlarmType> awsTypes = types.stream()
                .map(type -> Descriptions.COMPOSITE.equals(type) ? AlarmType.COMPOSITE_ALARM : AlarmType.METRIC_ALARM).distinct().toList();
        String scope = Arguments.scope(NAME, state, prefix, types);
        TokenPager.Position from = arguments.position(scope);
        // AWS applies the filters; checking them again costs nothing and keeps a result true to its
        // arguments on a server that applies only some of them (moto applies one of prefix and state).
        return TokenPager.<ObjectNode>read(from, arguments.limit(context.limits()), AWS_PAGE,
                alarm -> (state == null || state.equals(alarm.path("state").asText()))
                        && (prefix == null || alarm.path("name").asText().startsWith(prefix))
                        && types.contains(alarm.path("type").asText())
                        && context.visible(ToolSpecs.ref(CloudWatchResourceKind.ALARM, alarm.path("name").asText())),
                (token, wanted) -> cloudWatch.call(sdk -> sdk.describeAlarms(b -> b.stateValue(state).alarmNamePrefix(prefix)
                                .alarmTypes(awsTypes).maxRecords(wanted).nextToken(token).overrideConfiguration(context.awsOverrides())))
                        .thenApply(response -> {
                            List<ObjectNode> alarms = new ArrayList<>();
                            response.metricAlarms().forEach(alarm -> alarms.add(Descriptions.metricAlarm(alarm)));
                            response.compositeAlarms().forEach(alarm -> alarms.add(Descriptions.compositeAlarm(alarm)));
                            return new TokenPager.Page<>(alarms, response.nextToken());
                        }),
                context)
                .thenApply(listing -> ToolResult.success(Descriptions.listing(Json.object(), "alarms", listing.entries(), scope,
                        listing.next() == null ? null : listing.next().json())));
    }
}
