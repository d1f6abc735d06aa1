package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.ToolsetHarness;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ResourceFilter;
import dev.awsmcp.toolset.api.ResultLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A CloudWatch toolset (id {@code cw}) on local AWS plus a direct client to seed alarms and metric data;
 * one per test class. Needs moto 5.2.6 or later: the SDK speaks Smithy RPC v2 CBOR to CloudWatch, which
 * older moto does not serve.
 */
final class CloudWatchFixture extends ToolsetHarness {

    final CloudWatchAsyncClient admin;

    CloudWatchFixture(LocalAws aws) {
        super(aws, new CloudWatchToolsetFactory(), "cw", CloudWatchToolsetFactory.TYPE);
        this.admin = aws.toolsetContext().buildClient(CloudWatchAsyncClient.builder(), aws.toolsetConfig("admin", "cloudwatch", null));
    }

    /** A call context whose caller sees only what {@code visibility} lets through. */
    CallContext contextSeeing(ResourceFilter visibility) {
        CallContext base = aws().callContext();
        return new CallContext(base.caller(), base.credentials(), base.deadline(), ResultLimits.DEFAULT, base.correlationId(), visibility);
    }

    static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    /** A metric alarm: Sum of {@code metric} above {@code threshold} for one period of 60 s. */
    void putAlarm(String name, String namespace, String metric, double threshold, Dimension... dimensions) {
        admin.putMetricAlarm(b -> b.alarmName(name).namespace(namespace).metricName(metric).dimensions(dimensions)
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .alarmDescription("runbook: s3://payments-runbooks/" + name + ".md")
                .overrideConfiguration(overrides())).join();
    }

    void setState(String alarm, StateValue state, String reason) {
        admin.setAlarmState(b -> b.alarmName(alarm).stateValue(state).stateReason(reason).overrideConfiguration(overrides())).join();
    }

    /** Puts one datapoint per entry of {@code values}, a minute apart, the last at {@code last}. */
    void putSeries(String namespace, String metric, Instant last, List<Double> values, Dimension... dimensions) {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Instant at = last.minusSeconds(60L * (values.size() - 1 - i));
            data.add(MetricDatum.builder().metricName(metric).dimensions(dimensions).timestamp(at).value(values.get(i)).build());
        }
        for (int from = 0; from < data.size(); from += 500) {
            List<MetricDatum> batch = data.subList(from, Math.min(data.size(), from + 500));
            admin.putMetricData(b -> b.namespace(namespace).metricData(batch).overrideConfiguration(overrides())).join();
        }
    }

    @Override
    public void close() {
        super.close();
        admin.close();
    }
}
