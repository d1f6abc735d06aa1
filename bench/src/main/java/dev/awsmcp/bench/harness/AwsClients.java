package dev.awsmcp.bench.harness;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * AWS SDK v2 async clients on one Netty HTTP client, as the gateway builds them (same HTTP client, same
 * connection bound), with static emulator credentials: used to seed the data and as the direct-SDK floor.
 */
record AwsClients(SdkAsyncHttpClient http, DynamoDbAsyncClient dynamoDb, S3AsyncClient s3, CloudWatchLogsAsyncClient logs,
        LambdaAsyncClient lambda) implements AutoCloseable {

    static AwsClients create(URI motoEndpoint, URI dynamoDbEndpoint, int maxConnections) {
        SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().maxConcurrency(maxConnections).build();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        Region region = Region.of(DataSet.REGION);
        return new AwsClients(http,
                DynamoDbAsyncClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                        .endpointOverride(dynamoDbEndpoint).build(),
                S3AsyncClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                        .endpointOverride(motoEndpoint).forcePathStyle(true)
                        .overrideConfiguration(o -> o.addExecutionInterceptor(new NoExpectContinue())).build(),
                CloudWatchLogsAsyncClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                        .endpointOverride(motoEndpoint).build(),
                LambdaAsyncClient.builder().httpClient(http).region(region).credentialsProvider(credentials)
                        .endpointOverride(motoEndpoint).build());
    }

    /**
     * Drops {@code Expect: 100-continue} from uploads: moto answers it in a way the Netty client reports as a
     * failed request with status 100 (the gateway's S3 toolset does the same).
     */
    private static final class NoExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    }

    @Override
    public void close() {
        dynamoDb.close();
        s3.close();
        logs.close();
        lambda.close();
        http.close();
    }
}
