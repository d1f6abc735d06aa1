package dev.awsmcp.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default store: sessions in this process only (one gateway instance; a restart ends them). Values are removed when
 * read after their expiry, or replaced; their keys are bounded by their features (e.g. one per principal).
 */
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, StoredValue> values = new ConcurrentHashMap<>();
    private final Duration ttl;

    /** @param ttl how long a session lives without a request */
    public InMemorySessionStore(Duration ttl) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public Duration ttl() {
        return ttl;
    }

    @Override
    public CompletableFuture<Void> create(StoredSession session) {
        if (sessions.putIfAbsent(session.id(), session) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("session " + session.id() + " exists"));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Optional<StoredSession>> find(String id, Instant now) {
        StoredSession session = sessions.get(id);
        return CompletableFuture.completedFuture(session == null || session.expiredAt(now) ? Optional.empty() : Optional.of(session));
    }

    @Override
    public CompletableFuture<Boolean> touch(String id, Instant now) {
        StoredSession next = sessions.computeIfPresent(id, (key, session) -> session.expiredAt(now) ? session : session.refreshed(now, ttl));
        return CompletableFuture.completedFuture(next != null && !next.expiredAt(now));
    }

    @Override
    public CompletableFuture<Boolean> delete(String id) {
        return CompletableFuture.completedFuture(sessions.remove(id) != null);
    }

    @Override
    public CompletableFuture<Expiry> expire(String id, Instant now) {
        AtomicReference<Expiry> outcome = new AtomicReference<>(Expiry.GONE);
        sessions.computeIfPresent(id, (key, session) -> {
            outcome.set(session.expiredAt(now) ? Expiry.REMOVED : Expiry.LIVE);
            return session.expiredAt(now) ? null : session;
        });
        return CompletableFuture.completedFuture(outcome.get());
    }

    @Override
    public CompletableFuture<Boolean> compareAndSetState(String id, String key, String expected, String value) {
        AtomicBoolean set = new AtomicBoolean();
        sessions.computeIfPresent(id, (k, session) -> {
            if (!Objects.equals(session.state().get(key), expected)) {
                return session;
            }
            set.set(true);
            return session.withState(key, value);
        });
        return CompletableFuture.completedFuture(set.get());
    }

    @Override
    public CompletableFuture<Optional<StoredValue>> findValue(String key, Instant now) {
        StoredValue value = values.get(key);
        if (value != null && !value.expiresAt().isAfter(now)) {
            values.remove(key, value);
            value = null;
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(value));
    }

    @Override
    public CompletableFuture<Boolean> compareAndSetValue(String key, String expected, StoredValue next, Instant now) {
        AtomicBoolean set = new AtomicBoolean();
        values.compute(key, (k, current) -> {
            String live = current != null && current.expiresAt().isAfter(now) ? current.value() : null;
            if (!Objects.equals(live, expected)) {
                return current;
            }
            set.set(true);
            return next;
        });
        return CompletableFuture.completedFuture(set.get());
    }

    @Override
    public void close() {
        sessions.clear();
        values.clear();
    }
}
