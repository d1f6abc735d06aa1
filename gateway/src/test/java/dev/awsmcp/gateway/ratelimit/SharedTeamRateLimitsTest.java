package dev.awsmcp.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.call.CallRateLimiter;
import dev.awsmcp.gateway.session.SessionTable;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Team rates shared through the session table (moto): two limiters (two instances) draw on one budget
 * per team and minute; when the table cannot be reached, each instance still limits on its own.
 */
@ExtendWith(LocalAwsExtension.class)
class SharedTeamRateLimitsTest {

    private static final String TABLE = "rate-limits";
    /** 20 seconds into a minute, so every call of a test falls into one window. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:20Z"), ZoneOffset.UTC);
    private static AwsClientFactory clients;
    private static DynamoDbAsyncClient client;

    @BeforeAll
    static void createTable(LocalAws aws) {
        clients = new AwsClientFactory(4);
        client = clients.buildGatewayClient(DynamoDbAsyncClient.builder(), aws.region(), aws.endpoint(), aws.credentials());
        new SessionTable(client).ensure(TABLE);
    }

    @AfterAll
    static void close() {
        client.close();
        clients.close();
    }

    private static OptionalLong acquire(CallRateLimiter limiter, String team, int perMinute) {
        return limiter.acquire(team, perMinute).toCompletableFuture().join();
    }

    @Test
    void instancesShareOneBudgetPerTeam() {
        SharedTeamRateLimits a = new SharedTeamRateLimits(client, TABLE, Duration.ofSeconds(5), CLOCK);
        SharedTeamRateLimits b = new SharedTeamRateLimits(client, TABLE, Duration.ofSeconds(5), CLOCK);
        assertThat(acquire(a, "payments", 3)).isEmpty();
        assertThat(acquire(b, "payments", 3)).isEmpty();
        assertThat(acquire(a, "payments", 3)).isEmpty();
        assertThat(acquire(b, "payments", 3)).as("the fourth call of the minute, on either instance").hasValue(40);
        assertThat(acquire(a, "payments", 3)).hasValue(40);
        assertThat(acquire(b, "inventory", 3)).as("another team has its own budget").isEmpty();
        assertThat(acquire(a, "payments", 0)).as("0 means no limit").isEmpty();
    }

    @Test
    void nextMinuteHasAFreshBudget() {
        SharedTeamRateLimits now = new SharedTeamRateLimits(client, TABLE, Duration.ofSeconds(5), CLOCK);
        SharedTeamRateLimits later = new SharedTeamRateLimits(client, TABLE, Duration.ofSeconds(5),
                Clock.offset(CLOCK, Duration.ofMinutes(1)));
        assertThat(acquire(now, "search", 1)).isEmpty();
        assertThat(acquire(now, "search", 1)).isPresent();
        assertThat(acquire(later, "search", 1)).isEmpty();
    }

    @Test
    void unreachableTableFallsBackToTheInstanceLimitNeverToNoLimit() throws Exception {
        try (DynamoDbAsyncClient unreachable = clients.buildGatewayClient(DynamoDbAsyncClient.builder(), LocalAws.REGION,
                dev.awsmcp.gateway.testing.EmulatorClients.UNREACHABLE, LocalAws.TEST_CREDENTIALS)) {
            SharedTeamRateLimits limiter = new SharedTeamRateLimits(unreachable, TABLE, Duration.ofSeconds(2), CLOCK);
            assertThat(acquire(limiter, "payments", 2)).isEmpty();
            assertThat(acquire(limiter, "payments", 2)).isEmpty();
            assertThat(acquire(limiter, "payments", 2)).as("still limited, per instance").isPresent();
        }
    }
}
