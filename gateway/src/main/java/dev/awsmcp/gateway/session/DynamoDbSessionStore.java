package dev.awsmcp.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sessions in a DynamoDB table shared by every gateway instance (partition key {@code sessionId}; TTL
 * attribute {@code ttl}, epoch seconds). One item per session: {@code principal} (map: {@code id},
 * {@code groups}), {@code protocolVersion}, {@code clientInfo} and {@code capabilities} (JSON strings),
 * {@code createdAt} and {@code updatedAt} (epoch milliseconds), {@code ttl}, and {@code state} (a map of
 * strings for later features, changed only by {@link #compareAndSetState}). Costs per MCP request: one
 * strongly consistent GetItem (1 RCU) to confirm the session still exists, replaced by one conditional
 * UpdateItem (1 WCU) that also refreshes {@code updatedAt} and {@code ttl} when this instance last
 * refreshed the session more than {@code refreshEvery} ago. The table's own TTL deletion is lazy (up to
 * days), so every read checks {@code ttl} itself. A {@linkplain #findValue value} is an item without {@code principal}:
 * {@code sessionId} is its key ({@code <feature>#<id>}), {@code value} a string, {@code ttl} its expiry; conditions on
 * {@code principal} keep values and sessions apart.
 */
public final class DynamoDbSessionStore implements SessionStore {

    /** The partition key of the table. */
    public static final String KEY = "sessionId";
    /** The TTL attribute of the table (epoch seconds). */
    public static final String TTL = "ttl";

    private static final String VALUE = "value";
    private static final String LIVE = "attribute_exists(#p) AND #ttl > :now";

    private final DynamoDbAsyncClient client;
    private final String table;
    private final Duration ttl;
    private final Duration refreshEvery;
    private final Duration callTimeout;
    private final AwsRequestOverrideConfiguration timeout;
    private final Map<String, Instant> refreshed = new ConcurrentHashMap<>();

    /**
     * @param client the gateway's own DynamoDB client (closed with this store)
     * @param table the session table
     * @param ttl how long a session lives without a request
     * @param callTimeout bounds each DynamoDB call (a request waits at most this long for the store)
     */
    public DynamoDbSessionStore(DynamoDbAsyncClient client, String table, Duration ttl, Duration callTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.refreshEvery = SessionStore.refreshInterval(ttl);
        this.callTimeout = callTimeout;
        this.timeout = AwsRequestOverrideConfiguration.builder().apiCallTimeout(callTimeout).build();
    }

    /** The bound of each DynamoDB call. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** The table, for the rate limits that share it. */
    public String table() {
        return table;
    }

    /** The client, for the rate limits that share it. */
    public DynamoDbAsyncClient client() {
        return client;
    }

    @Override
    public Optional<SharedTable> sharedTable() {
        return Optional.of(new SharedTable(client, table, callTimeout));
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Duration ttl() {
        return ttl;
    }

    @Override
    public CompletableFuture<Void> create(StoredSession session) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, s(session.id()));
        item.put("principal", AttributeValue.fromM(Map.of("id", s(session.principalId()),
                "groups", AttributeValue.fromL(session.principalGroups().stream().sorted().map(DynamoDbSessionStore::s).toList()))));
        item.put("protocolVersion", s(session.protocolVersion()));
        if (session.clientInfo() != null) {
            item.put("clientInfo", s(session.clientInfo()));
        }
        if (session.capabilities() != null) {
            item.put("capabilities", s(session.capabilities()));
        }
        item.put("createdAt", n(session.createdAt().toEpochMilli()));
        item.put("updatedAt", n(session.updatedAt().toEpochMilli()));
        item.put(TTL, n(session.expiresAt().getEpochSecond()));
        item.put("state", AttributeValue.fromM(session.state().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
        return client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(" + KEY + ")")
                        .overrideConfiguration(timeout))
                .thenRun(() -> refreshed.put(session.id(), session.updatedAt()));
    }

    @Override
    public CompletableFuture<Optional<StoredSession>> find(String id, Instant now) {
        return client.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true).overrideConfiguration(timeout))
                .thenApply(r -> r.hasItem() && r.item().containsKey("principal") ? Optional.of(session(r.item())) : Optional.<StoredSession>empty())
                .thenApply(found -> found.filter(session -> !session.expiredAt(now)));
    }

    @Override
    public CompletableFuture<Boolean> touch(String id, Instant now) {
        Instant last = refreshed.get(id);
        if (last != null && last.plus(refreshEvery).isAfter(now)) {
            return client.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)
                            .projectionExpression("#p.id, #ttl").expressionAttributeNames(Map.of("#p", "principal", "#ttl", TTL))
                            .overrideConfiguration(timeout))
                    .thenApply(r -> r.hasItem() && r.item().containsKey("principal") && r.item().containsKey(TTL)
                            && Long.parseLong(r.item().get(TTL).n()) > now.getEpochSecond());
        }
        return client.updateItem(b -> b.tableName(table).key(key(id))
                        .updateExpression("SET updatedAt = :updated, #ttl = :ttl")
                        .conditionExpression(LIVE)
                        .expressionAttributeNames(Map.of("#p", "principal", "#ttl", TTL))
                        .expressionAttributeValues(Map.of(":updated", n(now.toEpochMilli()),
                                ":ttl", n(SessionStore.expiry(now, ttl).getEpochSecond()), ":now", n(now.getEpochSecond())))
                        .overrideConfiguration(timeout))
                .thenApply(r -> {
                    refreshed.put(id, now);
                    return true;
                })
                .exceptionally(e -> {
                    if (conditionFailed(e)) {
                        refreshed.remove(id);
                        return false;
                    }
                    throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                });
    }

    @Override
    public CompletableFuture<Boolean> delete(String id) {
        refreshed.remove(id);
        return client.deleteItem(b -> b.tableName(table).key(key(id)).conditionExpression("attribute_exists(#p)")
                        .expressionAttributeNames(Map.of("#p", "principal")).overrideConfiguration(timeout))
                .thenApply(r -> true)
                .exceptionally(e -> falseWhenConditionFailed(e));
    }

    @Override
    public CompletableFuture<Expiry> expire(String id, Instant now) {
        refreshed.remove(id);
        return client.deleteItem(b -> b.tableName(table).key(key(id)).conditionExpression("attribute_exists(#p) AND #ttl <= :now")
                        .expressionAttributeNames(Map.of("#p", "principal", "#ttl", TTL))
                        .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
                        .overrideConfiguration(timeout))
                .thenApply(r -> Expiry.REMOVED)
                .exceptionallyCompose(e -> conditionFailed(e)
                        ? find(id, now).thenApply(found -> found.isPresent() ? Expiry.LIVE : Expiry.GONE)
                        : CompletableFuture.failedFuture(e));
    }

    @Override
    public CompletableFuture<Boolean> compareAndSetState(String id, String key, String expected, String value) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":value", s(value)));
        String condition = "attribute_exists(#p) AND ";
        if (expected == null) {
            condition += "attribute_not_exists(#state.#key)";
        } else {
            condition += "#state.#key = :expected";
            values.put(":expected", s(expected));
        }
        String expression = condition;
        return client.updateItem(b -> b.tableName(table).key(key(id))
                        .updateExpression("SET #state.#key = :value")
                        .conditionExpression(expression)
                        .expressionAttributeNames(Map.of("#p", "principal", "#state", "state", "#key", key))
                        .expressionAttributeValues(values)
                        .overrideConfiguration(timeout))
                .thenApply(r -> true)
                .exceptionally(e -> falseWhenConditionFailed(e));
    }

    @Override
    public CompletableFuture<Optional<StoredValue>> findValue(String key, Instant now) {
        return client.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true).overrideConfiguration(timeout))
                .thenApply(r -> r.hasItem() && !r.item().containsKey("principal") && r.item().containsKey(VALUE) && r.item().containsKey(TTL)
                        ? Optional.of(new StoredValue(r.item().get(VALUE).s(), Instant.ofEpochSecond(Long.parseLong(r.item().get(TTL).n()))))
                        : Optional.<StoredValue>empty())
                .thenApply(found -> found.filter(value -> value.expiresAt().isAfter(now)));
    }

    @Override
    public CompletableFuture<Boolean> compareAndSetValue(String key, String expected, StoredValue next, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":value", s(next.value()),
                ":ttl", n(next.expiresAt().getEpochSecond()), ":now", n(now.getEpochSecond())));
        String condition = "attribute_not_exists(#p) AND ";
        if (expected == null) {
            condition += "(attribute_not_exists(#v) OR #ttl <= :now)";
        } else {
            condition += "#v = :expected AND #ttl > :now";
            values.put(":expected", s(expected));
        }
        String expression = condition;
        return client.updateItem(b -> b.tableName(table).key(key(key))
                        .updateExpression("SET #v = :value, #ttl = :ttl")
                        .conditionExpression(expression)
                        .expressionAttributeNames(Map.of("#p", "principal", "#v", VALUE, "#ttl", TTL))
                        .expressionAttributeValues(values)
                        .overrideConfiguration(timeout))
                .thenApply(r -> true)
                .exceptionally(e -> falseWhenConditionFailed(e));
    }

    @Override
    public void close() {
        client.close();
    }

    private static boolean falseWhenConditionFailed(Throwable e) {
        if (conditionFailed(e)) {
            return false;
        }
        throw e instanceof CompletionException ce ? ce : new CompletionException(e);
    }

    static boolean conditionFailed(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof ConditionalCheckFailedException;
    }

    private static StoredSession session(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> principal = item.get("principal").m();
        List<AttributeValue> groups = principal.containsKey("groups") ? principal.get("groups").l() : List.of();
        Map<String, String> state = item.containsKey("state") ? item.get("state").m().entrySet().stream()
                .filter(e -> e.getValue().s() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s())) : Map.of();
        return new StoredSession(item.get(KEY).s(), principal.get("id").s(),
                groups.stream().map(AttributeValue::s).collect(Collectors.toSet()),
                item.get("protocolVersion").s(), text(item, "clientInfo"), text(item, "capabilities"),
                Instant.ofEpochMilli(Long.parseLong(item.get("createdAt").n())),
                Instant.ofEpochMilli(Long.parseLong(item.get("updatedAt").n())),
                Instant.ofEpochSecond(Long.parseLong(item.get(TTL).n())), state);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(KEY, s(id));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
