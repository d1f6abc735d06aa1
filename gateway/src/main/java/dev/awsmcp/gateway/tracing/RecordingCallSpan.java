package dev.awsmcp.gateway.tracing;

import dev.awsmcp.gateway.audit.AuditOutcome;
import dev.awsmcp.gateway.audit.ErrorKind;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;

/** A sampled call's spans: the call's span and one child per stage; the call leaves the open calls when it ends. */
final class RecordingCallSpan implements CallSpan {

    static final AttributeKey<String> TEAM = AttributeKey.stringKey("gateway.team");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("gateway.outcome");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Tracer tracer;
    private final Context context;
    private final Runnable closed;

    /** The call's span in {@code context}; {@code closed} runs when it ends. */
    RecordingCallSpan(Tracer tracer, Context context, Runnable closed) {
        this.tracer = tracer;
        this.context = context;
        this.closed = closed;
    }

    @Override
    public boolean recording() {
        return true;
    }

    @Override
    public Stage stage(String name) {
        return new RecordingStage(tracer.spanBuilder(name).setParent(context).startSpan());
    }

    @Override
    public Scope makeCurrent() {
        return context.makeCurrent();
    }

    @Override
    public void team(String team) {
        Span.fromContext(context).setAttribute(TEAM, team);
    }

    @Override
    public void end(AuditOutcome outcome, ErrorKind kind) {
        closed.run();
        Span span = Span.fromContext(context);
        if (outcome != null) {
            span.setAttribute(OUTCOME, outcome.label());
        }
        if (kind != null) {
            span.setAttribute(ERROR_TYPE, kind.label());
        }
        // Errors of the gateway, the toolset or AWS; a denial or refusal is the gateway doing its job.
        if (outcome == null || outcome == AuditOutcome.TOOL_ERROR || outcome == AuditOutcome.TIMEOUT || outcome == AuditOutcome.INTERNAL_ERROR) {
            span.setStatus(StatusCode.ERROR, kind == null ? "no outcome" : kind.label());
        }
        span.end();
    }

    private record RecordingStage(Span span) implements Stage {

        @Override
        public void close() {
            span.end();
        }

        @Override
        public <T> CompletableFuture<T> endsWith(CompletableFuture<T> work) {
            work.whenComplete((value, failure) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                }
                span.end();
            });
            return work;
        }
    }
}
