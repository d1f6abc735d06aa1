package dev.awsmcp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(LocalAwsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalAwsExtensionTest {

    private static DynamoDbAsyncClient dynamo;

    @BeforeAll
    static void client(LocalAws aws) {
        ToolsetConfig config = aws.toolsetConfig("ddb", "dynamodb", null);
        dynamo = aws.toolsetContext().buildClient(DynamoDbAsyncClient.builder(), config);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    @Order(1)
    void injectsTheSameInstanceTheStaticAccessorReturns(LocalAws aws) {
        assertThat(LocalAwsExtension.localAws()).isSameAs(aws);
        assertThat(aws.server().isRunning()).isTrue();
        assertThat(aws.region().id()).isEqualTo("us-east-1");
    }

    @Test
    @Order(2)
    void clientsReachMotoWithTheCallContextOverrides(LocalAws aws) {
        createTable(aws.callContext(), "orders");

        assertThat(tableNames(aws.callContext())).containsExactly("orders");
    }

    @Test
    @Order(3)
    void resetDropsEverything(LocalAws aws) {
        assertThat(tableNames(aws.callContext())).containsExactly("orders");

        aws.reset();

        assertThat(tableNames(aws.callContext())).isEmpty();
    }

    @Test
    @Order(4)
    void leavesATableBehindForTheNextClassToNotSee(LocalAws aws) {
        // LocalAwsIsolationTest expects an empty emulator; the reset before each class provides it.
        createTable(aws.callContext(), "leftover");
    }

    @Test
    void requestWithoutCallContextOverridesFails() {
        Throwable failure = catchThrowable(() -> dynamo.listTables(ListTablesRequest.builder().build()).join());

        assertThat(failure).isInstanceOf(CompletionException.class).hasRootCauseInstanceOf(SdkClientException.class);
        assertThat(failure.getCause()).hasMessageContaining("CallContext.awsOverrides()");
    }

    @Test
    void callContextCarriesTestCredentialsDeadlineAndLimits(LocalAws aws) {
        ResultLimits small = new ResultLimits(2, 5, 1024);
        CallContext context = aws.callContext(small);

        assertThat(context.limits()).isEqualTo(small);
        assertThat(aws.callContext().limits()).isEqualTo(ResultLimits.DEFAULT);
        assertThat(context.credentials().resolveCredentials().accessKeyId()).isEqualTo("testing");
        assertThat(context.deadline()).isBetween(Instant.now().plus(Duration.ofSeconds(25)), Instant.now().plus(Duration.ofSeconds(31)));
        assertThat(context.correlationId()).isNotEqualTo(aws.callContext().correlationId());
    }

    private static void createTable(CallContext context, String name) {
        dynamo.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .overrideConfiguration(context.awsOverrides())).join();
    }

    private static java.util.List<String> tableNames(CallContext context) {
        return dynamo.listTables(b -> b.overrideConfiguration(context.awsOverrides())).join().tableNames();
    }
}
