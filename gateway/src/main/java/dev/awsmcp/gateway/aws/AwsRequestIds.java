package dev.awsmcp.gateway.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ApiName;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Collects the AWS request ids of each tool call, for its audit record: an SDK interceptor on every
 * client the gateway builds reads {@code x-amzn-RequestId} (or S3's {@code x-amz-request-id}) from every
 * HTTP response, retries included, and files it under the call's correlation id, which the request
 * carries as the user agent API name {@code mcp-call/<correlation id>} ({@code CallContext.awsOverrides()}).
 * Only calls between {@link #open} and {@link #close} collect, so stragglers of a finished call leak nothing.
 */
public final class AwsRequestIds implements ExecutionInterceptor {

    /** The user agent API name that carries the correlation id. */
    public static final String API_NAME = "mcp-call";
    private static final List<String> HEADERS = List.of("x-amzn-RequestId", "x-amz-request-id", "x-amzn-request-id");

    private final Map<String, Queue<String>> byCall = new ConcurrentHashMap<>();

    /** Starts collecting for the call with {@code correlationId}. */
    public void open(String correlationId) {
        byCall.putIfAbsent(correlationId, new ConcurrentLinkedQueue<>());
    }

    /** Stops collecting for the call and returns its request ids, in arrival order (empty when none or not open). */
    public List<String> close(String correlationId) {
        Queue<String> ids = byCall.remove(correlationId);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        correlationId(context.request()).ifPresent(id -> {
            Queue<String> ids = byCall.get(id);
            if (ids != null) {
                requestId(context.httpResponse()).ifPresent(ids::add);
            }
        });
    }

    static Optional<String> correlationId(SdkRequest request) {
        return request.overrideConfiguration()
                .filter(AwsRequestOverrideConfiguration.class::isInstance)
                .flatMap(o -> o.apiNames().stream().filter(n -> API_NAME.equals(n.name())).map(ApiName::version).findFirst());
    }

    static Optional<String> requestId(SdkHttpResponse response) {
        for (String header : HEADERS) {
            Optional<String> value = response.firstMatchingHeader(header);
            if (value.isPresent() && !value.get().isBlank()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
