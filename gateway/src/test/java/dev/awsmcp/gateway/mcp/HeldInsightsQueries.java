package dev.awsmcp.gateway.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;

/**
 * A narrow fake at the SDK boundary for Logs Insights on moto, which completes every query the moment it starts (and
 * has no StopQuery): while {@link #hold} is on, GetQueryResults reports the query still {@code Running}, so that a query
 * outlasts a request; every request the toolsets send is counted by operation (StopQuery included).
 */
final class HeldInsightsQueries implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private volatile boolean held;

    /** While on, every query reads as running. */
    void hold(boolean on) {
        held = on;
    }

    /** How many requests of {@code operation} (e.g. {@code StopQuery}) were sent. */
    int sent(String operation) {
        AtomicInteger count = sent.get(operation);
        return count == null ? 0 : count.get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (held && context.response() instanceof GetQueryResultsResponse results) {
            return results.toBuilder().status(QueryStatus.RUNNING).results(java.util.List.of()).build();
        }
        return context.response();
    }
}
