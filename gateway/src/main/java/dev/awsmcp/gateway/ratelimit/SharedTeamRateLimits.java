package dev.awsmcp.gateway.ratelimit;

import dev.awsmcp.gateway.call.CallRateLimiter;
import dev.awsmcp.gateway.call.TeamRateLimits;
import dev.awsmcp.gateway.session.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Team call rates shared by every gateway instance: one counter item per team and minute in the session
 * table ({@code sessionId = ratelimit#<team>#<epoch minute>}, attribute {@code calls}, {@code ttl} two
 * minutes past the window so DynamoDB removes it), taken with one atomic conditional UpdateItem per call
 * ({@code ADD calls 1} while {@code calls < limit}). Windows are fixed calendar minutes, so a burst
 * across a minute boundary can reach twice the limit in 60 seconds, as with the per-instance limiter.
 * When DynamoDB cannot be reached, the call is counted by this instance's own limiter instead
 * (deliberately neither fail-open nor fail-closed: the team keeps its limit per instance, at most the
 * instance count times the shared one, and calls keep working through a table outage); logged at WARN.
 */
public final class SharedTeamRateLimits implements CallRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTeamRateLimits.class);
    private static final long WARN_EVERY_MILLIS = 60_000;

    private final DynamoDbAsyncClient client;
    private final String table;
    private final Clock clock;
    private final TeamRateLimits fallback = new TeamRateLimits();
    private final AwsRequestOverrideConfiguration timeout;
    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);

    /**
     * @param client the gateway's own DynamoDB client (not closed here: the session store owns it)
     * @param table the session table
     * @param callTimeout bounds the counter update (a call waits at most this long before the fallback counts it)
     */
    public SharedTeamRateLimits(DynamoDbAsyncClient client, String table, Duration callTimeout, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
        this.timeout = AwsRequestOverrideConfiguration.builder().apiCallTimeout(callTimeout).build();
    }

    /** Team rate limits shared through the table of a shared session {@code store}; per instance with any other store. */
    public static CallRateLimiter forSessions(SessionStore store, Clock clock) {
        return store.sharedTable()
                .<CallRateLimiter>map(t -> new SharedTeamRateLimits(t.client(), t.table(), t.callTimeout(), clock))
                .orElseGet(TeamRateLimits::new);
    }

    @Override
    public CompletionStage<OptionalLong> acquire(String team, int perMinute) {
        if (perMinute <= 0) {
            return CompletableFuture.completedFuture(OptionalLong.empty());
        }
        Instant now = clock.instant();
        long window = now.getEpochSecond() / 60;
        long retryAfter = Math.max(1, (window + 1) * 60 - now.getEpochSecond());
        return client.updateItem(b -> b.tableName(table)
                        .key(Map.of("sessionId", AttributeValue.fromS(counterId(team, window))))
                        .updateExpression("SET #ttl = :ttl ADD calls :one")
                        .conditionExpression("attribute_not_exists(calls) OR calls < :limit")
                        .expressionAttributeNames(Map.of("#ttl", "ttl"))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                                ":limit", AttributeValue.fromN(Integer.toString(perMinute)),
                                ":ttl", AttributeValue.fromN(Long.toString((window + 3) * 60))))
                        .overrideConfiguration(timeout))
                .thenApply(r -> OptionalLong.empty())
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof ConditionalCheckFailedException) {
                        return OptionalLong.of(retryAfter);
                    }
                    warn(team, cause);
                    return fallback.acquireNow(team, perMinute);
                });
    }

    /** The id of {@code team}'s counter item for the minute {@code window} (epoch minutes); never a session id (a UUID). */
    static String counterId(String team, long window) {
        return "ratelimit#" + team + "#" + window;
    }

    private void warn(String team, Throwable cause) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("shared rate limit of team {} unavailable ({}); counting calls per instance until the session table answers",
                    team, cause.toString());
        }
    }
}
