package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.support.TimeWindow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.PageCursor;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * The JSON shapes of CloudWatch objects in results: plain snake_case fields, times as fixed-width
 * ISO-8601 UTC, dimensions as a {@code name -> value} object, absent values left out.
 */
final class Descriptions {

    static final String METRIC = "metric";
    static final String COMPOSITE = "composite";

    private Descriptions() {
    }

    static ObjectNode metricAlarm(MetricAlarm alarm) {
        ObjectNode json = common(alarm.alarmName(), alarm.alarmArn(), METRIC, alarm.stateValueAsString(), alarm.stateReason(),
                alarm.stateUpdatedTimestamp(), alarm.actionsEnabled(), alarm.alarmDescription());
        if (alarm.metricName() != null) {
            ObjectNode metric = json.putObject("metric");
            metric.put("namespace", alarm.namespace());
            metric.put("name", alarm.metricName());
            metric.set("dimensions", dimensions(alarm.dimensions()));
            putIfPresent(metric, "statistic", alarm.extendedStatistic() != null ? alarm.extendedStatistic() : alarm.statisticAsString());
            putIfPresent(metric, "period", alarm.period());
            putIfPresent(metric, "unit", alarm.unitAsString());
        }
        if (alarm.hasMetrics() && !alarm.metrics().isEmpty()) {
            ArrayNode queries = json.putArray("metric_queries");
            alarm.metrics().forEach(query -> queries.add(query(query)));
        }
        putIfPresent(json, "threshold", alarm.threshold());
        putIfPresent(json, "comparison", alarm.comparisonOperatorAsString());
        putIfPresent(json, "evaluation_periods", alarm.evaluationPeriods());
        putIfPresent(json, "datapoints_to_alarm", alarm.datapointsToAlarm());
        putIfPresent(json, "treat_missing_data", alarm.treatMissingData());
        return json;
    }

    static ObjectNode compositeAlarm(CompositeAlarm alarm) {
        ObjectNode json = common(alarm.alarmName(), alarm.alarmArn(), COMPOSITE, alarm.stateValueAsString(), alarm.stateReason(),
                alarm.stateUpdatedTimestamp(), alarm.actionsEnabled(), alarm.alarmDescription());
        putIfPresent(json, "rule", alarm.alarmRule());
        return json;
    }

    private static ObjectNode common(String name, String arn, String type, String state, String reason, Instant updated,
            Boolean actionsEnabled, String description) {
        ObjectNode json = Json.object();
        json.put("name", name);
        putIfPresent(json, "arn", arn);
        json.put("type", type);
        json.put("state", state);
        putIfPresent(json, "state_reason", reason);
        putIfPresent(json, "state_updated", updated == null ? null : TimeWindow.format(updated));
        putIfPresent(json, "actions_enabled", actionsEnabled);
        putIfPresent(json, "description", description);
        return json;
    }

    private static ObjectNode query(MetricDataQuery query) {
        ObjectNode json = Json.object();
        json.put("id", query.id());
        putIfPresent(json, "expression", query.expression());
        if (query.metricStat() != null) {
            json.put("namespace", query.metricStat().metric().namespace());
            json.put("metric_name", query.metricStat().metric().metricName());
            json.set("dimensions", dimensions(query.metricStat().metric().dimensions()));
            json.put("statistic", query.metricStat().stat());
            putIfPresent(json, "period", query.metricStat().period());
        }
        putIfPresent(json, "return_data", query.returnData());
        return json;
    }

    /** One alarm history item; its JSON {@code HistoryData} as JSON, or as text when it does not parse. */
    static ObjectNode historyItem(AlarmHistoryItem item) {
        ObjectNode json = Json.object();
        json.put("timestamp", item.timestamp() == null ? null : TimeWindow.format(item.timestamp()));
        json.put("type", item.historyItemTypeAsString());
        putIfPresent(json, "alarm_type", item.alarmTypeAsString());
        putIfPresent(json, "summary", item.historySummary());
        if (item.historyData() != null) {
            try {
                json.set("data", Json.mapper().readTree(item.historyData()));
            } catch (JsonProcessingException notJson) {
                json.put("data", item.historyData());
            }
        }
        return json;
    }

    /** A metric of a listing; its namespace is the listing's. */
    static ObjectNode metric(Metric metric) {
        ObjectNode json = Json.object();
        json.put("metric_name", metric.metricName());
        json.set("dimensions", dimensions(metric.dimensions()));
        return json;
    }

    static ObjectNode dimensions(List<Dimension> dimensions) {
        ObjectNode json = Json.object();
        dimensions.forEach(dimension -> json.put(dimension.name(), dimension.value()));
        return json;
    }

    /** The one shape of every listing: entries, count, truncated and next_cursor when more exists. */
    static ObjectNode listing(ObjectNode result, String field, List<ObjectNode> entries, String scope, ObjectNode nextPosition) {
        ArrayNode array = result.putArray(field);
        entries.forEach(array::add);
        result.put("count", entries.size());
        result.put("truncated", nextPosition != null);
        if (nextPosition != null) {
            result.put("next_cursor", PageCursor.encode(scope, nextPosition));
        }
        return result;
    }

    private static void putIfPresent(ObjectNode json, String field, Object value) {
        if (value != null) {
            json.set(field, Json.mapper().valueToTree(value));
        }
    }
}
