package dev.awsmcp.gateway.taint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.gateway.session.DynamoDbSessionStore;
import dev.awsmcp.gateway.session.SessionStore;
import dev.awsmcp.gateway.testing.BlackholeServer;
import dev.awsmcp.gateway.testing.SessionTables;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The tracker over the DynamoDB store on moto: two trackers are two instances sharing one session table. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbTaintTrackerTest extends TaintTrackerContract {

    private static final String TABLE = "taint-tracker-test";
    private static AwsClientFactory clients;
    private static DynamoDbSessionStore store;

    @BeforeAll
    static void createTable(LocalAws aws) {
        SessionTables.create(aws, TABLE);
        clients = new AwsClientFactory(4);
        store = new DynamoDbSessionStore(clients.buildGatewayClient(DynamoDbAsyncClient.builder(), aws.region(), aws.endpoint(),
                aws.credentials()), TABLE, WINDOW, Duration.ofSeconds(5));
    }

    @AfterAll
    static void close() {
        store.close();
        clients.close();
    }

    @Override
    SessionStore store() {
        return store;
    }

    @Test
    void anUnreachableStoreFailsBothWays(LocalAws aws) throws Exception {
        try (BlackholeServer blackhole = new BlackholeServer(); AwsClientFactory own = new AwsClientFactory(2);
                DynamoDbSessionStore unreachable = new DynamoDbSessionStore(own.buildGatewayClient(DynamoDbAsyncClient.builder(),
                        aws.region(), blackhole.endpoint(), aws.credentials()), TABLE, WINDOW, Duration.ofMillis(300))) {
            TaintTracker tracker = new TaintTracker(unreachable, WINDOW, clock);

            assertThatThrownBy(() -> tracker.current(principal).join()).as("a state-changing call is then refused").isNotNull();
            assertThatThrownBy(() -> tracker.taint(principal, read("logs__filter_log_events", TaintLevel.WEAK), Set.of()).join())
                    .as("the result is then withheld").isNotNull();
        }
    }

    @Test
    void aReadThatLosesTheRaceToAnotherInstanceIsRetriedOnTopOfIt(LocalAws aws) {
        // moto checks a condition and updates the item without a lock, so two truly concurrent conditional writes can both
        // pass there (DynamoDB is atomic per item). The race is staged at the SDK boundary instead: the other instance
        // records its read between this one's read and its conditional write.
        TaintTracker other = instance();
        AtomicBoolean raced = new AtomicBoolean();
        ExecutionInterceptor interloper = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof UpdateItemRequest && raced.compareAndSet(false, true)) {
                    taint(other, principal, "s3__get_object", TaintLevel.WEAK);
                }
            }
        };
        DynamoDbAsyncClient client = DynamoDbAsyncClient.builder().endpointOverride(aws.endpoint()).region(aws.region())
                .credentialsProvider(aws.credentials()).overrideConfiguration(c -> c.addExecutionInterceptor(interloper)).build();
        try (DynamoDbSessionStore racing = new DynamoDbSessionStore(client, TABLE, WINDOW, Duration.ofSeconds(5))) {
            SessionTaint kept = taint(new TaintTracker(racing, WINDOW, clock), principal, "logs__filter_log_events", TaintLevel.STRONG);

            assertThat(raced).isTrue();
            assertThat(kept.reasons()).extracting(SessionTaint.Reason::tool).containsExactly("s3__get_object", "logs__filter_log_events");
            assertThat(other.current(principal).join()).isEqualTo(kept);
        }
    }
}
