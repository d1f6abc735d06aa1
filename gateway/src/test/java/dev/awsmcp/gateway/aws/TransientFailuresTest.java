package dev.awsmcp.gateway.aws;


import dev.awsmcp.gateway.testing.BlackholeServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.awsmcp.gateway.testing.EmulatorClients;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/**
 * Which failures the SDK really raises are retried, classified on exceptions produced by the real Netty HTTP
 * client (no hand-built exception shapes): a request that never got a pooled connection was never sent, so
 * even a write may be retried; a refused connection likewise; a request that reached a server that never
 * answered may have run.
 */
class TransientFailuresTest {

    /** Shared, so that closing each test's HTTP client does not wait out an event loop group's shutdown. */
    private static final SdkEventLoopGroup LOOPS = SdkEventLoopGroup.builder().numberOfThreads(2).build();

    @AfterAll
    static void stopLoops() {
        LOOPS.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static DynamoDbAsyncClient client(SdkAsyncHttpClient http, URI endpoint) {
        return DynamoDbAsyncClient.builder().httpClient(http).region(Region.US_EAST_1).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
    }

    /** What the retry strategy sees: the SDK's exception, without the future's CompletionException. */
    private static Throwable sdkFailure(CompletableFuture<?> call) {
        return catchThrowable(call::join).getCause();
    }

    @Test
    void noConnectionFromThePoolInTimeWasNeverSentAndIsRetriedEvenForWrites() throws Exception {
        try (BlackholeServer server = new BlackholeServer();
                SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().eventLoopGroup(LOOPS).maxConcurrency(1)
                        .connectionAcquisitionTimeout(Duration.ofMillis(300)).readTimeout(Duration.ofSeconds(5)).build();
                DynamoDbAsyncClient dynamo = client(http, server.endpoint())) {
            CompletableFuture<ListTablesResponse> holdsTheOnlyConnection = dynamo.listTables();
            // Only once the first request holds the pool's one connection may the second ask for it (else they race): its
            // bytes arriving, not the connection being accepted, since the SDK's pool may still check a new connection
            // before handing it over.
            server.awaitRequests(1);
            Throwable starved = sdkFailure(dynamo.listTables());
            holdsTheOnlyConnection.cancel(true);

            assertThat(starved).hasStackTraceContaining("Acquire operation took longer");
            assertThat(TransientFailures.connectionNotAcquired(starved)).isTrue();
            assertThat(TransientFailures.retryable(starved, false)).as("a write that was never sent").isTrue();
            assertThat(TransientFailures.retryable(starved, true)).isTrue();
        }
    }

    @Test
    void everyAttemptAtARefusingEndpointIsRetriedAlsoWhenTheSdkLeavesItWaitingForAConnection() throws Exception {
        // The SDK's Netty client (2.41.x) now and then does not report that a connection to an endpoint was refused
        // and leaves the attempt waiting out the acquisition timeout (about 1 attempt in 15-30 here, with Netty 4.2
        // and 4.1 alike). Such an attempt must be retried like the refusal it hides: with 40 writes of 4 attempts
        // each, one is all but certainly caught, and without that rule its request would stop early as not retryable.
        Map<RetryListener.Decision, AtomicInteger> decisions = new ConcurrentHashMap<>();
        AtomicInteger notAcquired = new AtomicInteger();
        RetryListener listener = (failure, decision) -> {
            decisions.computeIfAbsent(decision, d -> new AtomicInteger()).incrementAndGet();
            if (TransientFailures.connectionNotAcquired(failure)) {
                notAcquired.incrementAndGet();
            }
        };
        try (SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().eventLoopGroup(LOOPS)
                        .connectionAcquisitionTimeout(Duration.ofMillis(100)).build();
                DynamoDbAsyncClient refused = DynamoDbAsyncClient.builder().httpClient(http).region(Region.US_EAST_1)
                        .endpointOverride(EmulatorClients.UNREACHABLE)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .overrideConfiguration(o -> o.retryStrategy(GatewayRetryStrategy.create(4, Duration.ZERO, Duration.ZERO, listener)
                                .forCall(Instant.now().plusSeconds(60), false)))
                        .build()) {
            for (int i = 0; i < 40; i++) {
                assertThat(sdkFailure(refused.listTables())).as("request %d", i).isInstanceOf(SdkClientException.class);
            }
        }
        assertThat(decisions.get(RetryListener.Decision.NOT_RETRYABLE)).as("refused and never acquired alike: %s", decisions).isNull();
        assertThat(decisions.get(RetryListener.Decision.ATTEMPTS_EXHAUSTED)).as("every request used its 4 attempts").hasValue(40);
        assertThat(decisions.get(RetryListener.Decision.RETRIED)).hasValue(120);
        // How many attempts the SDK left waiting varies (none in about 1 run of 250); the assertions above hold either way.
        System.out.println("attempts the SDK left waiting for a connection: " + notAcquired.get() + " of 160");
    }

    @Test
    void aServerThatNeverAnswersMayHaveRunTheRequest() throws Exception {
        try (BlackholeServer server = new BlackholeServer();
                SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().eventLoopGroup(LOOPS).readTimeout(Duration.ofMillis(300)).build();
                DynamoDbAsyncClient silent = client(http, server.endpoint())) {
            Throwable failure = sdkFailure(silent.listTables());
            assertThat(TransientFailures.connectionNotAcquired(failure)).as(String.valueOf(failure)).isFalse();
            assertThat(TransientFailures.retryable(failure, false)).as("a write may have run").isFalse();
            assertThat(TransientFailures.retryable(failure, true)).as("a read may be sent again").isTrue();
        }
    }
}
