package dev.awsmcp.gateway.taint;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.awsmcp.gateway.session.InMemorySessionStore;
import dev.awsmcp.gateway.session.SessionStore;
import dev.awsmcp.gateway.session.StoredSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every taint, by {@link TaintKey}, kept in the session store with compare-and-set (so two instances never lose a read),
 * which shares it between instances when the store is shared.
 * <ul>
 * <li>A session's taint is in the session's state and lives as long as the session; a session the store does not keep
 * (stdio) is tracked here.</li>
 * <li>A principal's taint (its requests without a session) is a store value, {@code taint#<principal id>}, that lasts
 * {@link #window()} past the last call that tainted it (sliding: every call that returns AWS data does). It is written
 * when it changes or when less than the window of its life is left, with the window plus a margin (a tenth of the
 * window, at most a minute) of life, so a principal that keeps calling writes it about once per margin.</li>
 * </ul>
 * Never blocks: futures complete on store threads, and fail when the store cannot be read (callers fail closed).
 */
public final class TaintTracker {

    /** The default of {@code taint.window}, for {@link #inMemory()}. */
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(TaintTracker.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final long PARSED_CHARS = 2L << 20;

    private final SessionStore store;
    private final Duration window;
    private final Duration margin;
    private final Clock clock;
    private final Map<String, SessionTaint> unstored = new ConcurrentHashMap<>();

    /**
     * Taints by the JSON the store keeps them as: a session's taint is read twice per call (the gate, then the result)
     * and changes rarely, so the same text is not parsed again. Bounded by the texts' length (a taint is at most some
     * 20 KB of JSON); the store stays the truth, since the key is the stored text itself.
     */
    private final Cache<String, SessionTaint> parsed = Caffeine.newBuilder()
            .maximumWeight(PARSED_CHARS)
            .weigher((String json, SessionTaint taint) -> json.length())
            .build();

    /** Taint kept in {@code store}; a principal's for {@code window} after its last tainting call. */
    public TaintTracker(SessionStore store, Duration window, Clock clock) {
        this.store = store;
        this.window = window;
        this.margin = SessionStore.refreshInterval(window);
        this.clock = clock;
    }

    /** A tracker of this process alone (stdio, tests without a session store), with the default window. */
    public static TaintTracker inMemory() {
        return new TaintTracker(new InMemorySessionStore(DEFAULT_WINDOW), DEFAULT_WINDOW, Clock.systemUTC());
    }

    /** How long a principal's taint lasts after its last tainting call. */
    public Duration window() {
        return window;
    }

    /** The taint kept under {@code key}; clean when there is none (or no key). Fails when the store cannot be read. */
    public CompletableFuture<SessionTaint> current(TaintKey key) {
        if (key instanceof TaintKey.Principal principal) {
            return store.findValue(valueKey(principal), clock.instant())
                    .thenApply(found -> parse(found.map(SessionStore.StoredValue::value).orElse(null)));
        }
        if (key instanceof TaintKey.Session session) {
            return store.find(session.sessionId(), clock.instant()).thenApply(found -> found
                    .map(stored -> parse(stored.state().get(SessionTaint.STATE_KEY)))
                    .orElseGet(() -> unstored.getOrDefault(session.sessionId(), SessionTaint.CLEAN)));
        }
        return CompletableFuture.completedFuture(SessionTaint.CLEAN);
    }

    /** Adds {@code reason} (and {@code markers}) to the taint kept under {@code key}; completes with the new taint. */
    public CompletableFuture<SessionTaint> taint(TaintKey key, SessionTaint.Reason reason, Set<String> markers) {
        if (key instanceof TaintKey.Principal principal) {
            return retried(key, () -> principalAttempt(valueKey(principal), reason, markers), 1);
        }
        if (key instanceof TaintKey.Session session) {
            return retried(key, () -> sessionAttempt(session.sessionId(), reason, markers), 1);
        }
        return CompletableFuture.completedFuture(SessionTaint.CLEAN.with(reason, markers));
    }

    /** Runs {@code attempt} until it wins its compare-and-set (it answers empty when another instance changed the taint first). */
    private CompletableFuture<SessionTaint> retried(TaintKey key, Supplier<CompletableFuture<Optional<SessionTaint>>> attempt, int attempts) {
        return attempt.get().thenCompose(done -> {
            if (done.isPresent()) {
                return CompletableFuture.completedFuture(done.get());
            }
            if (attempts >= MAX_ATTEMPTS) {
                LOG.warn("{}: taint not recorded after {} concurrent updates", key, attempts);
                return CompletableFuture.failedFuture(new IllegalStateException("taint changed concurrently " + attempts + " times"));
            }
            return retried(key, attempt, attempts + 1);
        });
    }

    private CompletableFuture<Optional<SessionTaint>> sessionAttempt(String sessionId, SessionTaint.Reason reason, Set<String> markers) {
        return store.find(sessionId, clock.instant()).thenCompose(found -> {
            if (found.isEmpty()) {
                return done(unstored.merge(sessionId, SessionTaint.CLEAN.with(reason, markers), (before, added) -> before.with(reason, markers)));
            }
            StoredSession session = found.get();
            String before = session.state().get(SessionTaint.STATE_KEY);
            SessionTaint current = parse(before);
            SessionTaint next = current.with(reason, markers);
            if (next.equals(current)) {
                return done(current);
            }
            return store.compareAndSetState(sessionId, SessionTaint.STATE_KEY, before, next.toJson())
                    .thenApply(set -> set ? Optional.of(next) : Optional.empty());
        });
    }

    private CompletableFuture<Optional<SessionTaint>> principalAttempt(String key, SessionTaint.Reason reason, Set<String> markers) {
        Instant now = clock.instant();
        return store.findValue(key, now).thenCompose(found -> {
            String before = found.map(SessionStore.StoredValue::value).orElse(null);
            SessionTaint current = parse(before);
            SessionTaint next = current.with(reason, markers);
            boolean lastsTheWindow = found.isPresent() && !found.get().expiresAt().isBefore(now.plus(window));
            if (next.equals(current) && lastsTheWindow) {
                return done(current);
            }
            SessionStore.StoredValue value = new SessionStore.StoredValue(next.toJson(), SessionStore.expiry(now, window.plus(margin)));
            return store.compareAndSetValue(key, before, value, now).thenApply(set -> set ? Optional.of(next) : Optional.empty());
        });
    }

    /** {@link SessionTaint#parse}, once per distinct text. */
    private SessionTaint parse(String json) {
        return json == null ? SessionTaint.CLEAN : parsed.get(json, SessionTaint::parse);
    }

    private static CompletableFuture<Optional<SessionTaint>> done(SessionTaint taint) {
        return CompletableFuture.completedFuture(Optional.of(taint));
    }

    /** The store key of a principal's taint: one per principal, never a session id (a UUID). */
    static String valueKey(TaintKey.Principal principal) {
        return "taint#" + principal.principalId();
    }
}
