package dev.awsmcp.gateway.aws;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * One span per attempt of an AWS request that belongs to a traced operation, so that retries and their backoff show in
 * the trace: a request carrying a call's correlation id ({@link AwsRequestIds#API_NAME}) is a child of that call's span
 * wherever the SDK runs it; any other request (STS during a role assumption) is a child of the context current when it
 * was sent. A request with neither (the audit sink, the session store, health checks) gets no span. Spans are named
 * {@code <service>.<operation>} (e.g. {@code DynamoDB.Query}) with {@code rpc.*}, {@code aws.request_id} and the HTTP status;
 * an attempt that got no response (connection failed or cut by the deadline) is an error of type {@code no_response}.
 */
public final class AwsAttemptSpans implements ExecutionInterceptor {

    private static final ExecutionAttribute<Attempts> ATTEMPTS = new ExecutionAttribute<>("mcp-gateway.attempt-spans");
    private static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("aws.request_id");
    private static final AttributeKey<String> REGION = AttributeKey.stringKey("cloud.region");
    private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<Long> RESENDS = AttributeKey.longKey("http.request.resend_count");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Tracer tracer;
    private final Function<String, Context> calls;

    /**
     * @param tracer makes the spans
     * @param calls the context of a running call by correlation id; null for a call not traced (or ended)
     */
    public AwsAttemptSpans(Tracer tracer, Function<String, Context> calls) {
        this.tracer = tracer;
        this.calls = calls;
    }

    @Override
    public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context, ExecutionAttributes attributes) {
        java.util.Optional<String> correlationId = AwsRequestIds.correlationId(context.request());
        Context parent = correlationId.isPresent() ? calls.apply(correlationId.get()) : Context.current();
        if (parent != null && Span.fromContext(parent).getSpanContext().isValid()) {
            attributes.putAttribute(ATTEMPTS, new Attempts(parent));
        }
    }

    @Override
    public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission context,
            ExecutionAttributes attributes) {
        Attempts attempts = attributes.getAttribute(ATTEMPTS);
        if (attempts != null) {
            attempts.begin(context.httpRequest(), attributes);
        }
    }

    @Override
    public void afterTransmission(software.amazon.awssdk.core.interceptor.Context.AfterTransmission context, ExecutionAttributes attributes) {
        Attempts attempts = attributes.getAttribute(ATTEMPTS);
        if (attempts != null) {
            attempts.answered(context.httpResponse());
        }
    }

    @Override
    public void onExecutionFailure(software.amazon.awssdk.core.interceptor.Context.FailedExecution context, ExecutionAttributes attributes) {
        Attempts attempts = attributes.getAttribute(ATTEMPTS);
        if (attempts != null) {
            attempts.failed(context.exception());
        }
    }

    /** The attempts of one request: at most one open at a time; a new one ends a predecessor that got no response. */
    private final class Attempts {

        private final Context parent;
        private Span open;
        private long sent;

        Attempts(Context parent) {
            this.parent = parent;
        }

        synchronized void begin(SdkHttpRequest request, ExecutionAttributes attributes) {
            unanswered("no_response");
            String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
            var span = tracer.spanBuilder(service + "." + operation)
                    .setParent(parent)
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute(RPC_SYSTEM, "aws-api")
                    .setAttribute(RPC_SERVICE, service)
                    .setAttribute(RPC_METHOD, operation)
                    .setAttribute(SERVER, request.host());
            if (region != null) {
                span.setAttribute(REGION, region.id());
            }
            if (sent > 0) {
                span.setAttribute(RESENDS, sent);
            }
            sent++;
            open = span.startSpan();
        }

        synchronized void answered(SdkHttpResponse response) {
            if (open == null) {
                return;
            }
            open.setAttribute(STATUS, (long) response.statusCode());
            AwsRequestIds.requestId(response).ifPresent(id -> open.setAttribute(REQUEST_ID, id));
            if (response.statusCode() >= 400) {
                open.setAttribute(ERROR_TYPE, Integer.toString(response.statusCode()));
                open.setStatus(StatusCode.ERROR);
            }
            open.end();
            open = null;
        }

        synchronized void failed(Throwable failure) {
            unanswered(failure.getClass().getSimpleName());
        }

        private void unanswered(String errorType) {
            if (open != null) {
                open.setAttribute(ERROR_TYPE, errorType);
                open.setStatus(StatusCode.ERROR, "no response");
                open.end();
                open = null;
            }
        }
    }
}
