package dev.awsmcp.gateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The metrics of every AWS API call of one client: latency per (toolset, service, operation, outcome),
 * errors per error code and the retries it took (attempts on the wire beyond the first). Labels are
 * the client's owner (a toolset id, {@code sts} or {@code gateway}), the SDK's service and operation
 * names and AWS error codes: never a request's parameters.
 */
final class AwsRequestMetrics implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("McpGatewayMetricsStarted");
    private static final ExecutionAttribute<AtomicInteger> ATTEMPTS = new ExecutionAttribute<>("McpGatewayMetricsAttempts");

    private final MeterRegistry registry;
    private final String owner;

    /** The meters of one (service, operation) that every call records, registered on its first call and reused after. */
    private record Meters(String service, String operation, Timer succeeded, Counter retries) {
    }

    private final java.util.concurrent.ConcurrentHashMap<List<String>, Meters> byOperation = new java.util.concurrent.ConcurrentHashMap<>();

    private Meters meters(String service, String operation) {
        return new Meters(service, operation, timer(service, operation, "success"),
                Counter.builder(GatewayMetrics.AWS_RETRIES)
                        .description("Attempts of AWS API calls beyond the first")
                        .tags("toolset", owner, "service", service, "operation", operation)
                        .register(registry));
    }

    private Timer timer(String service, String operation, String outcome) {
        return Timer.builder(GatewayMetrics.AWS_REQUESTS)
                .description("AWS API calls (all attempts of one call) by client owner, service, operation and outcome")
                .tags("toolset", owner, "service", service, "operation", operation, "outcome", outcome)
                .serviceLevelObjectives(GatewayMetrics.LATENCY_BUCKETS)
                .register(registry);
    }

    AwsRequestMetrics(MeterRegistry registry, String owner) {
        this.registry = registry;
        this.owner = owner;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
        attributes.putAttribute(ATTEMPTS, new AtomicInteger());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
        if (attempts != null) {
            attempts.incrementAndGet();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, null);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, context.exception());
    }

    private void record(ExecutionAttributes attributes, Throwable failure) {
        Long started = attributes.getAttribute(STARTED);
        if (started == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Meters meters = byOperation.computeIfAbsent(List.of(String.valueOf(service), String.valueOf(operation)),
                key -> meters(AwsErrorCodes.sanitize(service), AwsErrorCodes.sanitize(operation)));
        // A failure's series is registered on the first failure only, so that /metrics lists no empty error series.
        (failure == null ? meters.succeeded() : timer(meters.service(), meters.operation(), "error"))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (failure != null) {
            Counter.builder(GatewayMetrics.AWS_ERRORS)
                    .description("AWS API calls that failed, by the AWS error code of the last attempt")
                    .tags("toolset", owner, "service", meters.service(), "operation", meters.operation(), "error_code", AwsErrorCodes.code(failure))
                    .register(registry)
                    .increment();
        }
        AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
        int retries = attempts == null ? 0 : attempts.get() - 1;
        Counter counter = meters.retries();
        if (retries > 0) {
            counter.increment(retries);
        }
    }
}
