package dev.awsmcp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.toolset.api.CallContext;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

@ExtendWith(LocalAwsExtension.class)
class LocalAwsIsolationTest {

    /** Each class starts from an empty emulator, whichever class ran before on the shared server. */
    @Test
    void startsFromAnEmptyEmulatorOnTheSharedServer(LocalAws aws) {
        try (DynamoDbAsyncClient dynamo = aws.toolsetContext().buildClient(DynamoDbAsyncClient.builder(),
                aws.toolsetConfig("ddb-" + UUID.randomUUID(), "dynamodb", null))) {
            CallContext context = aws.callContext();
            assertThat(dynamo.listTables(b -> b.overrideConfiguration(context.awsOverrides())).join().tableNames()).isEmpty();
        }
    }
}
