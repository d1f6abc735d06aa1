package dev.awsmcp.gateway.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.resilience.CallResilience;
import dev.awsmcp.gateway.aws.GatewayRetryStrategy;
import dev.awsmcp.gateway.aws.RetryListener;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import io.micrometer.core.instrument.config.MeterFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.IntSupplier;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The gateway's metrics, in one Prometheus registry: tool calls, AWS requests, retries and throttles,
 * circuit breakers and bulkheads (resilience4j-micrometer), the result cache (Caffeine statistics),
 * guard findings and truncations, the audit trail, open sessions, Vert.x HTTP, JVM and process.
 * Labels are toolset ids, tool names, outcomes, error kinds and codes, AWS service and operation names
 * and guard families: never resource names (tables, buckets, keys, log groups, functions), arguments
 * or principals. Thread-safe; docs/operations.md lists every series.
 */
public final class GatewayMetrics implements AutoCloseable {

    static final String TOOL_CALLS = "gateway.tool.calls";
    static final String TOOL_ERRORS = "gateway.tool.errors";
    static final String AWS_REQUESTS = "gateway.aws.requests";
    static final String AWS_ERRORS = "gateway.aws.errors";
    static final String AWS_RETRIES = "gateway.aws.retries";
    static final String AWS_THROTTLED = "gateway.aws.throttled";
    static final String AWS_RETRIES_STOPPED = "gateway.aws.retries.stopped";
    /** Histogram buckets of every latency: 5 ms to 60 s. */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The tool-call timer per (toolset, tool, outcome): looked up once, not built and hashed on every call. */
    private final java.util.concurrent.ConcurrentHashMap<List<String>, Timer> toolCallTimers = new java.util.concurrent.ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final CompletableFuture<Void> jvmMeters = new CompletableFuture<>();
    /** Vert.x keeps registries in a static map by name: one name per gateway, so that several in one JVM stay apart. */
    private final String vertxRegistryName = "mcp-gateway-" + UUID.randomUUID();

    /**
     * The only label keys a {@code gateway.*} meter may carry: none of them can hold a resource name,
     * an argument or a principal. A meter with any other key is dropped (and logged), so a future
     * change cannot leak a table or bucket name into /metrics by adding a tag.
     */
    static final Set<String> LABEL_KEYS = Set.of("toolset", "tool", "outcome", "error_kind", "family", "service", "operation",
            "error_code", "reason", "answer", "level", "action", "state");
    private static final List<CircuitBreaker.State> BREAKER_STATES = List.of(CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN,
            CircuitBreaker.State.HALF_OPEN);
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMetrics.class);

    /** A registry with the JVM and process meters bound. */
    public GatewayMetrics() {
        registry.config().meterFilter(MeterFilter.deny(id -> {
            boolean foreign = id.getName().startsWith("gateway.")
                    && id.getTags().stream().anyMatch(tag -> !LABEL_KEYS.contains(tag.getKey()));
            if (foreign) {
                LOG.error("metric {} dropped: its label keys {} include one outside {}", id.getName(),
                        id.getTags().stream().map(Tag::getKey).toList(), LABEL_KEYS);
            }
            return foreign;
        }));
        // The JVM's management beans take a twentieth of a start to load: bound off the startup path, before any scrape.
        Thread binder = new Thread(() -> {
            try {
                new ClassLoaderMetrics().bindTo(registry);
                new JvmMemoryMetrics().bindTo(registry);
                gc.bindTo(registry);
                new JvmThreadMetrics().bindTo(registry);
                new JvmInfoMetrics().bindTo(registry);
                new ProcessorMetrics().bindTo(registry);
                new UptimeMetrics().bindTo(registry);
                new FileDescriptorMetrics().bindTo(registry);
                jvmMeters.complete(null);
            } catch (RuntimeException | Error e) {
                jvmMeters.completeExceptionally(e);
            }
        }, "jvm-metrics-bind");
        binder.setDaemon(true);
        binder.start();
    }

    /** The registry, for meters of other parts. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every series in the Prometheus text format (0.0.4); CPU work proportional to the series count. */
    public String scrape() {
        jvmMeters.join();
        return registry.scrape();
    }

    /** Records one finished tool call from its audit record: latency, error kind, truncation, guard findings. */
    public void toolCall(ToolCallRecord record) {
        boolean known = record.toolset() != null;
        // A name no toolset serves is the caller's text: never a label.
        String toolset = known ? record.toolset() : "none";
        String tool = known ? record.tool() : "unknown";
        toolCallTimers.computeIfAbsent(List.of(toolset, tool, record.outcome().label()), key -> Timer.builder(TOOL_CALLS)
                        .description("Tool calls from arrival to answer, by toolset, tool and outcome")
                        .tags("toolset", key.get(0), "tool", key.get(1), "outcome", key.get(2))
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry))
                .record(Duration.between(record.timestamp(), Instant.now()));
        if (record.errorKind() != null) {
            Counter.builder(TOOL_ERRORS).description("Tool calls answered with an error, by error kind")
                    .tags("toolset", toolset, "tool", tool, "error_kind", record.errorKind().label())
                    .register(registry).increment();
        }
        if (record.truncated()) {
            Counter.builder("gateway.results.truncated").description("Results the guard cut to the size limit")
                    .tags("toolset", toolset, "tool", tool).register(registry).increment();
        }
        if (record.confirmation() != null) {
            Counter.builder("gateway.confirmations").description("Calls a person was asked to confirm, by answer")
                    .tags("toolset", toolset, "tool", tool, "answer", record.confirmation()).register(registry).increment();
        }
        if (record.taint() != null && record.taint().has("action")) {
            Counter.builder("gateway.taint.decisions")
                    .description("State-changing calls in a tainted session, by the session's taint level and the policy's action")
                    .tags("toolset", toolset, "tool", tool, "level", record.taint().path("level").asText(),
                            "action", record.taint().path("action").asText())
                    .register(registry).increment();
        }
        for (JsonNode finding : record.guardFindings()) {
            Counter.builder("gateway.guard.findings").description("Guard findings in answered results, by family")
                    .tags("toolset", toolset, "family", AwsErrorCodes.sanitize(finding.path("family").asText()))
                    .register(registry).increment();
        }
    }

    /** Counts throttled attempts per service and code, and retryable failures the rules stopped retrying. */
    public RetryListener retries() {
        return (failure, decision) -> {
            String service = AwsErrorCodes.service(failure);
            if (GatewayRetryStrategy.throttled(failure)) {
                Counter.builder(AWS_THROTTLED).description("AWS request attempts refused by throttling")
                        .tags("service", service, "error_code", AwsErrorCodes.code(failure)).register(registry).increment();
            }
            if (decision == RetryListener.Decision.ATTEMPTS_EXHAUSTED || decision == RetryListener.Decision.DEADLINE) {
                Counter.builder(AWS_RETRIES_STOPPED).description("Retryable AWS failures not retried: attempts used up or no time left")
                        .tags("service", service, "reason", decision == RetryListener.Decision.DEADLINE ? "deadline" : "attempts")
                        .register(registry).increment();
            }
        };
    }

    /** The interceptor that measures every AWS call of a client owned by {@code owner} (a toolset id, or {@code gateway}). */
    public ExecutionInterceptor awsRequests(String owner) {
        return new AwsRequestMetrics(registry, AwsErrorCodes.sanitize(owner));
    }

    /**
     * Binds the breakers of {@code toolsetIds} (how many are in each state, per toolset: breakers are per team, and
     * labels never name teams), bulkhead capacity and the result cache's statistics.
     */
    public void bindResilience(CallResilience resilience, Collection<String> toolsetIds) {
        for (String toolset : toolsetIds) {
            for (CircuitBreaker.State state : BREAKER_STATES) {
                Gauge.builder("gateway.circuit.breakers", () -> resilience.breakersIn(toolset, state))
                        .description("Circuit breakers of the toolset (one per team that called it) by state")
                        .tags("toolset", toolset, "state", state.name().toLowerCase(Locale.ROOT)).register(registry);
            }
        }
        TaggedBulkheadMetrics.ofBulkheadRegistry(resilience.bulkheads()).bindTo(registry);
        resilience.cacheStatistics().ifPresent(cache -> CaffeineCacheMetrics.monitor(registry, cache, "results"));
    }

    /** Binds the audit trail's backlog, write failures and overload refusals. */
    public void bindAudit(AuditLog audit) {
        Gauge.builder("gateway.audit.backlog", audit, AuditLog::backlog)
                .description("Audit records queued, not yet written").register(registry);
        FunctionCounter.builder("gateway.audit.write.failures", audit, AuditLog::writeFailures)
                .description("Audit records that could not be written or flushed").register(registry);
        FunctionCounter.builder("gateway.audit.overload.refusals", audit, AuditLog::overloadRefusals)
                .description("Tool calls refused because the audit queue was full").register(registry);
    }

    /** Binds the number of MCP sessions this instance holds. */
    public void bindSessions(IntSupplier open) {
        Gauge.builder("gateway.sessions.open", open, IntSupplier::getAsInt)
                .description("MCP sessions held by this instance").strongReference(true).register(registry);
    }

    /** Options for a Vert.x instance whose HTTP server and client metrics go to this registry. */
    public VertxOptions vertxOptions() {
        return new VertxOptions().setMetricsOptions(micrometerOptions());
    }

    private MicrometerMetricsOptions micrometerOptions() {
        return new MicrometerMetricsOptions()
                .setEnabled(true)
                .setRegistryName(vertxRegistryName)
                .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
                .addDisabledMetricsCategory(MetricsDomain.VERTICLES)
                .addDisabledMetricsCategory(MetricsDomain.DATAGRAM_SOCKET);
    }

    /**
     * The metrics factory that goes with {@link #vertxOptions()}: vertx-micrometer's, with the HTTP servers' request
     * meters bound once ({@link HttpServerRequestMeters}).
     */
    public VertxMetricsFactory vertxMetricsFactory() {
        return HttpServerRequestMeters.factory(registry, micrometerOptions());
    }

    @Override
    public void close() {
        jvmMeters.exceptionally(e -> null).join();
        gc.close();
        registry.close();
    }
}
