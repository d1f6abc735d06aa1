package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.ToolsetConfig;

/** What the CloudWatch toolset tells the model besides its tools: usage notes. */
final class CloudWatchGuide {

    private CloudWatchGuide() {
    }

    static String usageNotes(ToolsetConfig config) {
        return """
                # CloudWatch alarms and metrics (toolset %1$s, region %2$s)

                - Start an incident with `%3$s` and `state: ALARM`: what fires, since when (`state_updated`), why
                  (`state_reason`) and on which metric (namespace, name, dimensions, threshold).
                - `%4$s` shows when an alarm changed state and whether it flaps (newest first, default the last day).
                - `%5$s` reads that metric: copy namespace, metric name and every dimension from the alarm or from `%6$s`;
                  choose statistics (Sum for counts, Average/Maximum/p99 for latency) and a period that keeps the window
                  within 1,440 datapoints (for example 60 s for 3 hours, 300 s for a day, 3600 s for a week).
                - Times: `now`, relative like `-15m`, `-2h`, `-1d`, ISO-8601 like `2024-11-20T14:05:00Z`, or epoch milliseconds;
                  results are ISO-8601 UTC.
                """.formatted(config.id(), config.region().id(), config.exposedName("describe_alarms"),
                config.exposedName("describe_alarm_history"), config.exposedName("get_metric_data"), config.exposedName("list_metrics"));
    }
}
