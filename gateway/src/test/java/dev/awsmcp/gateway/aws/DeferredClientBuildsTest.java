package dev.awsmcp.gateway.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The toolsets' clients are configured when asked for and built once the builds are started (a server starts them once
 * it listens), on a thread of their own; a request made before continues once its client exists; readiness reads why
 * not all can serve yet. Against moto.
 */
@ExtendWith(LocalAwsExtension.class)
class DeferredClientBuildsTest {

    private static ToolsetConfig config(String id, LocalAws aws) {
        return new ToolsetConfig(id, "test", Region.US_EAST_1, aws.endpoint(), null);
    }

    @Test
    void clientsAreBuiltOnceStartedAndARequestMadeBeforeContinuesThen(LocalAws aws) throws Exception {
        try (AwsClientFactory factory = new AwsClientFactory(8)) {
            DeferredClient<DynamoDbAsyncClient> ddb = factory.deferredClient(DynamoDbAsyncClient.builder(), config("ddb", aws));
            DeferredClient<S3AsyncClient> s3 = factory.deferredClient(S3AsyncClient.builder().forcePathStyle(true), config("s3", aws));
            assertThat(ddb.isBuilt()).isFalse();
            assertThat(s3.isBuilt()).isFalse();
            assertThat(factory.deferredProblem()).isEqualTo("the AWS clients are not built yet");

            factory.startDeferredBuilds();
            factory.startDeferredBuilds();
            CompletableFuture<ListTablesResponse> early = ddb.call(client -> client.listTables(b -> b.limit(1)
                    .overrideConfiguration(o -> o.credentialsProvider(LocalAws.TEST_CREDENTIALS))));
            assertThat(early.get(30, java.util.concurrent.TimeUnit.SECONDS).tableNames()).isNotNull();

            for (long until = System.nanoTime() + Duration.ofSeconds(30).toNanos(); factory.deferredProblem() != null
                    && System.nanoTime() < until; ) {
                Thread.sleep(20);
            }
            assertThat(factory.deferredProblem()).isNull();
            assertThat(List.of(ddb.isBuilt(), s3.isBuilt())).containsOnly(true);
            s3.close();
            ddb.close();
        }
    }

    @Test
    void aClientClosedBeforeTheBuildsStartIsNeverBuiltAndDoesNotHoldReadinessBack(LocalAws aws) {
        try (AwsClientFactory factory = new AwsClientFactory(8)) {
            DeferredClient<DynamoDbAsyncClient> ddb = factory.deferredClient(DynamoDbAsyncClient.builder(), config("ddb", aws));
            ddb.close();
            factory.startDeferredBuilds();
            assertThat(ddb.isBuilt()).isFalse();
            assertThat(factory.deferredProblem()).isNull();
        }
    }
}
