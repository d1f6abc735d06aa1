package dev.awsmcp.gateway.tracing;

import dev.awsmcp.gateway.GatewayVersion;
import dev.awsmcp.gateway.aws.AwsAttemptSpans;
import dev.awsmcp.gateway.config.TracingConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The gateway's OpenTelemetry tracing, built once from {@link TracingConfig}: an SDK tracer provider that samples by the
 * request's trace context (else {@code sampleRatio}) and exports in batches with OTLP over HTTP; the tracer of tool calls
 * ({@link #calls}); the tracer of deeper spans such as STS ({@link #tracer}); and the interceptor that gives every AWS
 * request attempt of a traced call its span ({@link #awsInterceptors}). {@link #OFF} (tracing not enabled) builds no SDK
 * object: a no-op tracer, {@link CallTracer#OFF}, no interceptor. {@link #close} exports what is left.
 */
public final class Tracing implements AutoCloseable {

    /** No tracing. */
    public static final Tracing OFF = new Tracing(null);

    private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);
    private static final String SCOPE = "dev.awsmcp.gateway";
    /** The SDK logs export failures with java.util.logging; kept here, since JUL holds its loggers weakly. */
    private static final java.util.logging.Logger SDK_LOG = java.util.logging.Logger.getLogger("io.opentelemetry");

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final CallTracer calls;

    private Tracing(SdkTracerProvider provider) {
        this.provider = provider;
        this.tracer = provider == null ? TracerProvider.noop().get(SCOPE) : provider.get(SCOPE, GatewayVersion.current());
        this.calls = provider == null ? CallTracer.OFF : new CallTracer(tracer);
    }

    /** The tracing {@code config} asks for: {@link #OFF} unless enabled, else spans exported to its OTLP endpoint. */
    public static Tracing create(TracingConfig config) {
        if (!config.enabled()) {
            return OFF;
        }
        TracingConfig.Otlp otlp = config.otlp();
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(otlp.tracesUrl())
                .setTimeout(otlp.timeout())
                .setCompression(otlp.compression());
        otlp.headers().forEach(exporter::addHeader);
        routeSdkLogs();
        Tracing tracing = exporting(config, BatchSpanProcessor.builder(exporter.build()).build());
        LOG.info("tracing: spans of tool calls go to {} (service {}, sample ratio {})", otlp.tracesUrl(), config.serviceName(),
                config.sampleRatio());
        return tracing;
    }

    /** Tracing per {@code config}'s service name and sampling whose spans go to {@code processor} (tests give an in-memory one). */
    public static Tracing exporting(TracingConfig config, SpanProcessor processor) {
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), config.serviceName(),
                AttributeKey.stringKey("service.version"), GatewayVersion.current(),
                AttributeKey.stringKey("service.instance.id"), UUID.randomUUID().toString())));
        return new Tracing(SdkTracerProvider.builder()
                .setResource(resource)
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio())))
                .addSpanProcessor(processor)
                .build());
    }

    /** Whether anything is traced. */
    public boolean enabled() {
        return provider != null;
    }

    /** The tracer of tool calls. */
    public CallTracer calls() {
        return calls;
    }

    /** The tracer of spans opened under the current context (a no-op tracer when off). */
    public Tracer tracer() {
        return tracer;
    }

    /** What every AWS client gets so that each request attempt of a traced call has a span: nothing when off. */
    public List<ExecutionInterceptor> awsInterceptors() {
        return enabled() ? List.of(new AwsAttemptSpans(tracer, calls::context)) : List.of();
    }

    /** Exports the spans still queued (waiting at most ten seconds) and stops. */
    @Override
    public void close() {
        if (provider != null) {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    /** The SDK's own warnings (an export that failed) into the gateway's log, in its format. */
    private static synchronized void routeSdkLogs() {
        if (SDK_LOG.getUseParentHandlers()) {
            SDK_LOG.addHandler(new SLF4JBridgeHandler());
            SDK_LOG.setUseParentHandlers(false);
        }
    }
}
