package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.ResourceTemplateSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ValueSource;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.Map;

/** What the Logs toolset tells the model besides its tools: usage notes, and log streams as resources. */
final class LogsGuide {

    private LogsGuide() {
    }

    static String usageNotes(ToolsetConfig config) {
        return """
                # CloudWatch Logs (toolset %1$s, region %2$s)

                - Start narrow: a short time window (`start`/`end`, ISO-8601 or relative like `-15m`) and a filter pattern.
                  Filter pattern syntax: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
                - `%3$s` searches groups by pattern; `%4$s` reads one stream in order; follow `next_cursor`.
                - For aggregation use `%5$s` (Logs Insights query language:
                  https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html); a query still
                  running comes back with its `query_id` for `%6$s`.
                - Log streams are also resources: `%1$s://{group}/{stream}` (percent-encode `/`, `[`, `]`, `$`).
                """.formatted(config.id(), config.region().id(), config.exposedName("filter_log_events"),
                config.exposedName("get_log_events"), config.exposedName("run_insights_query"), config.exposedName("get_insights_results"));
    }

    static List<ResourceTemplateSpec> resourceTemplates() {
        ValueSource groups = new ValueSource("describe_log_groups",
                (prefix, chosen) -> prefix.isEmpty() ? Json.object() : Json.object().put("prefix", prefix), ValueSource.field("log_groups", "name"));
        ValueSource streams = new ValueSource("describe_log_streams", (prefix, chosen) -> {
            var arguments = Json.object().put(ToolSpecs.LOG_GROUP, chosen.getOrDefault("group", ""));
            return prefix.isEmpty() ? arguments : arguments.put("prefix", prefix);
        }, ValueSource.field("log_streams", "name"));
        return List.of(new ResourceTemplateSpec("{group}/{stream}", "stream", "Log stream",
                "The latest events of one log stream, oldest first (as get_log_events reads them: bounded, guarded).", "get_log_events",
                values -> Json.object().put(ToolSpecs.LOG_GROUP, values.get("group")).put("stream", values.get("stream")),
                Map.of("group", groups, "stream", streams)));
    }
}
