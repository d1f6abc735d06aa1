package dev.awsmcp.bench;

import dev.awsmcp.gateway.audit.AuditLine;
import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.audit.AuditSink;
import dev.awsmcp.gateway.audit.OverloadPolicy;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.call.CallCredentials;
import dev.awsmcp.gateway.call.CallOrigin;
import dev.awsmcp.gateway.call.CallOutcome;
import dev.awsmcp.gateway.call.PipelineParts;
import dev.awsmcp.gateway.call.ToolCallPipeline;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.config.TracingConfig;
import dev.awsmcp.gateway.guard.InjectionDetectors;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.resilience.CallResilience;
import dev.awsmcp.gateway.toolset.ArgumentLimits;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.tracing.CallSpan;
import dev.awsmcp.gateway.tracing.Tracing;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What tracing costs a tool call, on the cheapest path a call takes through the real pipeline (no AWS): a call the
 * team's policy denies, which is authorized, audited (to a sink that discards) and answered. {@code tracing=off} is the
 * default configuration; {@code tracing=on} records the call's span and its policy and audit spans and exports them in
 * batches to an exporter that discards them (the OTLP network leg is not part of the call). {@link #tracingHooksWhenOff}
 * runs only what an untraced call adds: the calls into {@link CallSpan#NONE} the pipeline makes. Run from the repository
 * root (it reads {@code policies/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallTracingBenchmark {

    @Param({"off", "on"})
    public String tracing;

    private ExampleToolsets toolsets;
    private PolicyStore policies;
    private AuditLog audit;
    private ExecutorService dispatch;
    private Tracing traces;
    private ToolCallPipeline pipeline;
    private RegisteredTool query;
    private Principal oncall;
    private CallOrigin origin;
    private final Map<String, Object> deniedQuery = Map.of("table", "inventory-stock", "key_condition", "pk = :p");
    private final CompletableFuture<String> done = CompletableFuture.completedFuture("answered");

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        toolsets = ExampleToolsets.create();
        GatewayConfig gateway = toolsets.config();
        policies = PolicyStore.open(toolsets.policyLoader(), ExampleToolsets.POLICIES, null);
        audit = AuditLog.start(List.of(new DiscardingSink()), 10_000, OverloadPolicy.REFUSE);
        dispatch = Executors.newFixedThreadPool(2);
        traces = tracing.equals("on")
                ? Tracing.exporting(new TracingConfig(true, null, null, null), BatchSpanProcessor.builder(new DiscardingExporter()).build())
                : Tracing.OFF;
        Duration timeout = Duration.ofSeconds(5);
        pipeline = new ToolCallPipeline(new PipelineParts(policies,
                new PipelineParts.CallLimits(gateway.limits().resultLimits(), ArgumentLimits.DEFAULT, timeout),
                new PipelineParts.Execution(new CallCredentials(null, null), dispatch, CallResilience.create(gateway.resilience(), timeout),
                        new ResultGuard(new SecretRedactor(false), InjectionDetectors.NONE)),
                new PipelineParts.AuditTrail(audit, toolsets.clients().requestIds(), traces.calls()),
                PipelineParts.SessionState.inMemory()));
        query = toolsets.registry().find("ddb__query").orElseThrow();
        oncall = Principal.jwt("alice", Set.of("payments-oncall"));
        origin = new CallOrigin("session-1", null).traced("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        CallOutcome outcome = deniedCall();
        if (!(outcome instanceof CallOutcome.Denied)) {
            throw new IllegalStateException("expected a denied call, got " + outcome);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        traces.close();
        audit.close();
        dispatch.shutdown();
        policies.close();
        toolsets.close();
    }

    @Benchmark
    public CallOutcome deniedCall() {
        return pipeline.call(query, deniedQuery, oncall, origin).join();
    }

    @Benchmark
    public CompletableFuture<String> tracingHooksWhenOff() {
        CallSpan span = Tracing.OFF.calls().start("ddb__query", "ddb", origin.traceParent(), "correlation-id");
        try (CallSpan.Stage policy = span.stage("policy")) {
            span.team("payments-oncall");
        }
        CompletableFuture<String> answered = span.stage("audit").endsWith(done);
        return span.recording() ? answered.whenComplete((v, e) -> span.end(null, null)) : answered;
    }

    private static final class DiscardingSink implements AuditSink {
        @Override
        public String describe() {
            return "discard";
        }

        @Override
        public boolean durable() {
            return false;
        }

        @Override
        public void write(AuditLine line) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static final class DiscardingExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
