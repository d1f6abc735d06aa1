package dev.awsmcp.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where sessions live beyond the instance that holds their connection: in memory ({@link InMemorySessionStore},
 * one instance) or in DynamoDB ({@link DynamoDbSessionStore}, shared by every instance). Every method is
 * asynchronous and never blocks the calling (event-loop) thread; futures complete on store threads. A
 * session expires {@link #ttl()} after the request that last refreshed it; expiry is checked on every read,
 * so an expired session is never served even while its item still exists. A future fails when the store
 * cannot be reached; callers fail closed (the request is refused with 503). Beside the sessions it keeps
 * {@linkplain #findValue values}: state that outlives a request but belongs to no session.
 */
public interface SessionStore extends AutoCloseable {

    /** What {@link #expire} found. */
    enum Expiry {
        /** The session had expired and this call removed it (the caller records its end). */
        REMOVED,
        /** The session is still live: some instance refreshed it within the ttl. */
        LIVE,
        /** The session no longer exists (ended or removed elsewhere). */
        GONE
    }

    /** Whether several gateway instances share this store (sessions then survive an instance and move between them). */
    boolean shared();

    /** How long a session lives without a request. */
    Duration ttl();

    /** Stores a new session; fails if its id exists. */
    CompletableFuture<Void> create(StoredSession session);

    /** The session with this id, or empty when there is none or it expired by {@code now}. */
    CompletableFuture<Optional<StoredSession>> find(String id, Instant now);

    /**
     * Confirms that the session still exists and has not expired at {@code now}, and keeps it alive
     * (refreshes its expiry, possibly not on every call); false when it is gone or expired.
     */
    CompletableFuture<Boolean> touch(String id, Instant now);

    /** Removes the session (ended by its client); true when it existed. */
    CompletableFuture<Boolean> delete(String id);

    /** Removes the session if it has expired at {@code now}; says whether it did, or why not. */
    CompletableFuture<Expiry> expire(String id, Instant now);

    /**
     * Sets {@code key} of the session's {@code state} to {@code value} if it currently is {@code expected}
     * (null: absent), atomically across instances; false when the current value differs or the session
     * is gone. State is for features that keep per-session facts (e.g. taint tracking); values are
     * strings (JSON where structured), keys are short names owned by the feature.
     */
    CompletableFuture<Boolean> compareAndSetState(String id, String key, String expected, String value);

    /**
     * The value a feature keeps under {@code key} beside the sessions (e.g. the taint of a principal's requests without a
     * session), or empty when there is none or it expired by {@code now}. Keys are the feature's own, {@code <feature>#<id>},
     * never a session id: a value is never found as a session, nor a session as a value.
     */
    CompletableFuture<Optional<StoredValue>> findValue(String key, Instant now);

    /**
     * Sets the value under {@code key} to {@code next} if its current value is {@code expected} (null: none, or expired by
     * {@code now}), atomically across instances; false when it differs (another instance changed it first).
     */
    CompletableFuture<Boolean> compareAndSetValue(String key, String expected, StoredValue next, Instant now);

    /**
     * A value kept beside the sessions.
     *
     * @param value the feature's value (JSON where structured)
     * @param expiresAt when it stops being found; whole seconds, as the DynamoDB ttl holds them (see {@link #expiry})
     */
    record StoredValue(String value, Instant expiresAt) {
        public StoredValue {
            java.util.Objects.requireNonNull(value, "value");
            java.util.Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    @Override
    void close();

    /**
     * The DynamoDB table a shared store keeps its sessions in, for state every instance must share beside them
     * (the teams' call rates); empty for a store of one instance.
     */
    default Optional<SharedTable> sharedTable() {
        return Optional.empty();
    }

    /**
     * A shared store's table, for other state kept in it.
     *
     * @param client the gateway's own DynamoDB client
     * @param table the table name
     * @param callTimeout the bound of each DynamoDB call
     */
    record SharedTable(software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient client, String table, Duration callTimeout) {
    }

    /**
     * The expiry of a session refreshed at {@code now}: whole seconds as the DynamoDB ttl holds them,
     * rounded up, so a session never lives less than {@code ttl}.
     */
    static Instant expiry(Instant now, Duration ttl) {
        Instant end = now.plus(ttl);
        return Instant.ofEpochSecond(end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0));
    }

    /**
     * How often something that lives {@code ttl} past its last use needs its expiry pushed out, at most: a tenth of the
     * ttl, between 1 second and 1 minute.
     */
    static Duration refreshInterval(Duration ttl) {
        long millis = Math.max(1000, Math.min(ttl.toMillis() / 10, 60_000));
        return Duration.ofMillis(millis);
    }
}
