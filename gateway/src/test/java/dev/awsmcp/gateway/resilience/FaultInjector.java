package dev.awsmcp.gateway.resilience;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * A fault layer between the SDK and moto: counts every attempt that reached the wire and replaces the
 * answer of the next {@code remaining} attempts by a fault (after the request was sent, as a real
 * throttle, 5xx or reset would arrive).
 */
final class FaultInjector implements ExecutionInterceptor {

    enum Fault { THROTTLE, SERVER_ERROR, RESET }

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicReference<Fault> fault = new AtomicReference<>();
    private volatile double probability;

    /** Injects {@code fault} into the next {@code times} attempts. */
    void inject(Fault fault, int times) {
        this.fault.set(fault);
        remaining.set(times);
    }

    /** Injects {@code fault} into each attempt with {@code probability}, until healed. */
    void injectRandomly(Fault fault, double probability) {
        this.fault.set(fault);
        this.probability = probability;
    }

    void heal() {
        remaining.set(0);
        probability = 0;
    }

    int attempts() {
        return attempts.get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.incrementAndGet();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        boolean random = probability > 0 && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < probability;
        if (!random && remaining.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return context.httpResponse();
        }
        switch (fault.get()) {
            case THROTTLE -> throw service(400, "ThrottlingException", "Rate exceeded");
            case SERVER_ERROR -> throw service(500, "InternalServerError", "injected server error");
            default -> throw SdkClientException.create("injected reset", new IOException("Connection reset by peer"));
        }
    }

    private static AwsServiceException service(int status, String code, String message) {
        return AwsServiceException.builder()
                .statusCode(status)
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("DynamoDb").build())
                .build();
    }
}
