package dev.awsmcp.gateway.taint;

import dev.awsmcp.gateway.session.SessionStore;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every session's taint. Kept in the session store's per-session state (compare-and-set, so two
 * instances serving one session never lose a read), which moves it with the session between instances;
 * a session the store does not keep (stdio) is tracked here. Never blocks: futures complete on store threads.
 */
public final class TaintTracker {

    private static final Logger LOG = LoggerFactory.getLogger(TaintTracker.class);
    private static final int MAX_ATTEMPTS = 5;

    private final SessionStore store;
    private final Clock clock;
    private final Map<String, SessionTaint> unstored = new ConcurrentHashMap<>();

    /** Taint kept in {@code store}'s session state (null: only here, for sessions of this process alone). */
    public TaintTracker(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A tracker for sessions of this process alone (stdio, tests without a session store). */
    public static TaintTracker inMemory() {
        return new TaintTracker(null, Clock.systemUTC());
    }

    /** The taint of session {@code sessionId}; clean when there is no session. Fails when the store cannot be read. */
    public CompletableFuture<SessionTaint> current(String sessionId) {
        if (sessionId == null) {
            return CompletableFuture.completedFuture(SessionTaint.CLEAN);
        }
        if (store == null) {
            return CompletableFuture.completedFuture(unstored.getOrDefault(sessionId, SessionTaint.CLEAN));
        }
        return store.find(sessionId, clock.instant()).thenApply(found -> found
                .map(session -> SessionTaint.parse(session.state().get(SessionTaint.STATE_KEY)))
                .orElseGet(() -> unstored.getOrDefault(sessionId, SessionTaint.CLEAN)));
    }

    /** Adds {@code reason} (and {@code markers}) to the session's taint; completes with the new taint. */
    public CompletableFuture<SessionTaint> taint(String sessionId, SessionTaint.Reason reason, Set<String> markers) {
        if (sessionId == null) {
            return CompletableFuture.completedFuture(SessionTaint.CLEAN.with(reason, markers));
        }
        return attempt(sessionId, reason, markers, 1);
    }

    private CompletableFuture<SessionTaint> attempt(String sessionId, SessionTaint.Reason reason, Set<String> markers, int attempt) {
        CompletableFuture<java.util.Optional<dev.awsmcp.gateway.session.StoredSession>> stored = store == null
                ? CompletableFuture.completedFuture(java.util.Optional.empty()) : store.find(sessionId, clock.instant());
        return stored.thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(unstored.merge(sessionId, SessionTaint.CLEAN.with(reason, markers),
                        (before, added) -> before.with(reason, markers)));
            }
            String before = found.get().state().get(SessionTaint.STATE_KEY);
            SessionTaint current = SessionTaint.parse(before);
            SessionTaint next = current.with(reason, markers);
            if (next.equals(current)) {
                return CompletableFuture.completedFuture(current);
            }
            return store.compareAndSetState(sessionId, SessionTaint.STATE_KEY, before, next.toJson()).thenCompose(set -> {
                if (set) {
                    return CompletableFuture.completedFuture(next);
                }
                if (attempt >= MAX_ATTEMPTS) {
                    LOG.warn("session {}: taint not recorded after {} concurrent updates", sessionId, attempt);
                    return CompletableFuture.failedFuture(new IllegalStateException("session taint changed concurrently " + attempt
                            + " times"));
                }
                return attempt(sessionId, reason, markers, attempt + 1);
            });
        });
    }
}
