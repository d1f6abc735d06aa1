package dev.awsmcp.toolset.cloudwatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;

/**
 * A narrow fake at the SDK boundary for behaviour moto 5.2.6 cannot show: DescribeAlarmHistory (not
 * implemented), composite alarms (no PutCompositeAlarm), DescribeAlarms honouring MaxRecords and paging
 * (moto answers everything at once), GetMetricData pages and partial data, and service errors. Answers
 * queued responses or a queued failure, and records requests. Any other operation throws.
 */
final class FakeCloudWatch implements CloudWatchAsyncClient {

    final List<DescribeAlarmsRequest> alarmRequests = new ArrayList<>();
    final List<DescribeAlarmHistoryRequest> historyRequests = new ArrayList<>();
    final List<GetMetricDataRequest> dataRequests = new ArrayList<>();
    final Deque<DescribeAlarmsResponse> alarms = new ArrayDeque<>();
    final Deque<DescribeAlarmHistoryResponse> history = new ArrayDeque<>();
    final Deque<GetMetricDataResponse> data = new ArrayDeque<>();
    /** When set, every request fails with it. */
    Throwable failure;

    @Override
    public CompletableFuture<DescribeAlarmsResponse> describeAlarms(DescribeAlarmsRequest request) {
        alarmRequests.add(request);
        return answer(alarms);
    }

    @Override
    public CompletableFuture<DescribeAlarmHistoryResponse> describeAlarmHistory(DescribeAlarmHistoryRequest request) {
        historyRequests.add(request);
        return answer(history);
    }

    @Override
    public CompletableFuture<GetMetricDataResponse> getMetricData(GetMetricDataRequest request) {
        dataRequests.add(request);
        return answer(data);
    }

    private <T> CompletableFuture<T> answer(Deque<T> responses) {
        return failure != null ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(responses.removeFirst());
    }

    @Override
    public String serviceName() {
        return "monitoring";
    }

    @Override
    public void close() {
    }
}
