package dev.awsmcp.gateway.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the span of each tool call, under the W3C trace context the request carried, and keeps the context of every
 * call running now by correlation id, so that its AWS request attempts (which the correlation id follows onto SDK
 * threads) are its children ({@link #context}). {@link #OFF} starts nothing.
 */
public final class CallTracer {

    /** Traces nothing. */
    public static final CallTracer OFF = new CallTracer(null);

    static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey("gateway.correlation_id");
    private static final AttributeKey<String> TOOLSET = AttributeKey.stringKey("gateway.toolset");
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
    private static final AttributeKey<String> TOOL = AttributeKey.stringKey("gen_ai.tool.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Map<String, Context> running = new ConcurrentHashMap<>();

    CallTracer(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * The span of the call {@code correlationId} of {@code tool} (of {@code toolset}), started now: a child of
     * {@code traceParent} (the request's W3C {@code traceparent}; null: a new trace). {@link CallSpan#NONE} when tracing is
     * off or the trace is not sampled.
     */
    public CallSpan start(String tool, String toolset, String traceParent, String correlationId) {
        if (tracer == null) {
            return CallSpan.NONE;
        }
        Context parent = traceParent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, TraceParentGetter.INSTANCE);
        Span span = tracer.spanBuilder("tools/call " + tool)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, "tools/call")
                .setAttribute(OPERATION, "execute_tool")
                .setAttribute(TOOL, tool)
                .setAttribute(TOOLSET, toolset)
                .setAttribute(CORRELATION_ID, correlationId)
                .startSpan();
        if (!span.isRecording()) {
            return CallSpan.NONE;
        }
        Context context = parent.with(span);
        running.put(correlationId, context);
        return new RecordingCallSpan(tracer, context, () -> running.remove(correlationId));
    }

    /** The context of the call {@code correlationId} while its span is open; null when it is not traced or has ended. */
    public Context context(String correlationId) {
        return running.get(correlationId);
    }

    /** Reads the one {@code traceparent} value a request carried. */
    private enum TraceParentGetter implements TextMapGetter<String> {
        INSTANCE;

        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    }
}
