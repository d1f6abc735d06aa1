package dev.awsmcp.gateway.audit;

import dev.awsmcp.gateway.aws.AwsRequestIds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.support.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * The CloudWatch Logs sink against moto: every record arrives, in order, across a simulated outage
 * (an SDK interceptor failing PutLogEvents; moto cannot inject faults) during which records spill to
 * disk; none lost, none duplicated.
 */
@ExtendWith(LocalAwsExtension.class)
class CloudWatchLogsSinkTest {

    @TempDir
    Path spill;

    /** Fails the first {@code failures} PutLogEvents attempts, as an unreachable CloudWatch would. */
    static final class Outage implements ExecutionInterceptor {
        final AtomicInteger remaining;
        final AtomicInteger failed = new AtomicInteger();

        Outage(int failures) {
            this.remaining = new AtomicInteger(failures);
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutLogEventsRequest && remaining.getAndDecrement() > 0) {
                failed.incrementAndGet();
                throw SdkClientException.create("simulated CloudWatch outage");
            }
        }
    }

    private static List<Long> delivered(CloudWatchLogsAsyncClient client, String group, String stream) throws Exception {
        List<Long> sequences = new ArrayList<>();
        String token = null;
        while (true) {
            String next = token;
            GetLogEventsResponse page = client.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(true)
                    .nextToken(next)).get();
            for (OutputLogEvent event : page.events()) {
                sequences.add(Json.mapper().readTree(event.message()).get("seq").asLong());
            }
            if (page.events().isEmpty() || page.nextForwardToken() == null || page.nextForwardToken().equals(token)) {
                return sequences;
            }
            token = page.nextForwardToken();
        }
    }

    private static List<Long> awaitDelivered(CloudWatchLogsAsyncClient reader, String group, String stream, int count) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        List<Long> seen = List.of();
        while (System.currentTimeMillis() < until) {
            try {
                seen = delivered(reader, group, stream);
            } catch (java.util.concurrent.ExecutionException e) {
                seen = List.of();
            }
            if (seen.size() >= count) {
                return seen;
            }
            Thread.sleep(200);
        }
        return seen;
    }

    @Test
    void deliversEveryRecordAcrossAnOutageWithoutLossOrDuplicates(LocalAws aws) throws Exception {
        Outage outage = new Outage(6);
        try (AwsClientFactory clients = new AwsClientFactory(8, new AwsRequestIds(), List.of(outage))) {
            CloudWatchLogsAsyncClient client = clients.buildGatewayClient(CloudWatchLogsAsyncClient.builder(), aws.region(),
                    aws.endpoint(), aws.credentials());
            CloudWatchLogsAsyncClient reader = clients.buildGatewayClient(CloudWatchLogsAsyncClient.builder(), aws.region(),
                    aws.endpoint(), aws.credentials());
            CloudWatchLogsSink sink = new CloudWatchLogsSink(client, "/mcp-gateway/audit", "test-instance", true, spill, 5,
                    Duration.ofMillis(400), Duration.ofSeconds(10));
            boolean spilled = false;
            try (AuditLog log = AuditLog.start(List.of(sink), 1000, OverloadPolicy.REFUSE)) {
                for (int i = 0; i < 120; i++) {
                    log.append(SessionRecord.start("s" + i, "apikey:test", Set.of(), null)).toCompletableFuture().join();
                }
                for (int i = 0; i < 100 && !spilled; i++) {
                    spilled = sink.spilling();
                    Thread.sleep(10);
                }
                List<Long> sequences = awaitDelivered(reader, "/mcp-gateway/audit", "test-instance", 120);
                assertThat(outage.failed.get()).isEqualTo(6);
                assertThat(spilled).as("records waited on disk during the outage").isTrue();
                assertThat(sequences).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 120).boxed().toList());
            }
            reader.close();
        }
    }

    @Test
    void splitsBatchesAtTheLimitsAndFlushesOnClose(LocalAws aws) throws Exception {
        try (AwsClientFactory clients = new AwsClientFactory(8, new AwsRequestIds(), List.of())) {
            CloudWatchLogsAsyncClient reader = clients.buildGatewayClient(CloudWatchLogsAsyncClient.builder(), aws.region(),
                    aws.endpoint(), aws.credentials());
            CloudWatchLogsSink sink = new CloudWatchLogsSink(clients.buildGatewayClient(CloudWatchLogsAsyncClient.builder(),
                    aws.region(), aws.endpoint(), aws.credentials()), "/mcp-gateway/batches", "s", true, spill, 10_000,
                    Duration.ofMillis(400), Duration.ofSeconds(10), new LogEventLimits(7, 4096));
            try (AuditLog log = AuditLog.start(List.of(sink), 1000, OverloadPolicy.REFUSE)) {
                for (int i = 0; i < 50; i++) {
                    log.append(SessionRecord.start("s" + i, "apikey:test", Set.of(), null));
                }
            }
            assertThat(delivered(reader, "/mcp-gateway/batches", "s"))
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
            reader.close();
        }
    }
}
