package dev.awsmcp.gateway.testing;

import dev.awsmcp.testkit.LocalAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** AWS clients of the emulator for arranging test data, and the credentials a gateway under test uses against it. */
public final class EmulatorClients {

    private static final StaticCredentialsProvider TESTING = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    /** moto answers {@code Expect: 100-continue} in a way the Netty client takes for a failure (see the S3 toolset). */
    private static final ExecutionInterceptor WITHOUT_EXPECT_CONTINUE = new ExecutionInterceptor() {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    };

    /**
     * An endpoint where nothing answers: port 1 is privileged, so nothing listens there and no other
     * process can take it during a test (a free port closed again can be taken meanwhile).
     */
    public static final java.net.URI UNREACHABLE = java.net.URI.create("http://127.0.0.1:1");

    private EmulatorClients() {
    }

    /** Gives the gateway's default credential chain the emulator's credentials unless the environment has some. */
    public static void useEmulatorCredentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
        }
    }

    public static DynamoDbAsyncClient dynamoDb(LocalAws aws) {
        return DynamoDbAsyncClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).credentialsProvider(TESTING).build();
    }

    public static software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient logs(LocalAws aws) {
        return software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient.builder().endpointOverride(aws.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(TESTING).build();
    }

    public static S3AsyncClient s3(LocalAws aws) {
        return S3AsyncClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(TESTING).overrideConfiguration(o -> o.addExecutionInterceptor(WITHOUT_EXPECT_CONTINUE)).build();
    }
}
