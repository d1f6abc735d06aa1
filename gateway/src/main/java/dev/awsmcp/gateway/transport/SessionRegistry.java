package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.session.SessionStore;
import dev.awsmcp.gateway.session.StoredSession;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which sessions exist, for every instance sharing the {@link SessionStore}: the SDK sessions this
 * instance holds ({@link McpSessions}) backed by the store. A request for a session this instance does
 * not hold restores it from the store (once, however many requests ask at the same time) by rebuilding
 * the SDK session from its stored initialize data; every request first confirms the session with the
 * store, so a session ended on another instance is refused here too. Ending a session (DELETE, or idle
 * expiry found in the store) removes it everywhere and is reported to the {@link SessionListener} by
 * the one instance that removed it. Futures complete on store threads; callers hop back to their
 * Vert.x context before writing.
 */
final class SessionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final McpSessions local;
    private final SessionStore store;
    private final SessionListener listener;
    private final McpJsonMapper json;
    private final Clock clock;
    private final Supplier<McpStreamableServerSession.Factory> factory;
    private final Map<String, CompletableFuture<Optional<StoredSession>>> restoring = new ConcurrentHashMap<>();
    /** Local copies dropped while idle whose store item was still live: rechecked by each sweep until it expires or ends. */
    private final Map<String, McpSessions.Entry> dormant = new ConcurrentHashMap<>();

    SessionRegistry(McpSessions local, SessionStore store, SessionListener listener, McpJsonMapper json, Clock clock,
            Supplier<McpStreamableServerSession.Factory> factory) {
        this.local = local;
        this.store = store;
        this.listener = listener;
        this.json = json;
        this.clock = clock;
        this.factory = factory;
    }

    McpSessions local() {
        return local;
    }

    /**
     * Reserves room here for a new session of {@code owner} ({@link McpSessions#reserve}). With a shared
     * store, a principal at its cap first has the local copies of its sessions that ended on another
     * instance or expired dropped (one store call each), so only its live sessions count.
     */
    CompletableFuture<McpSessions.Room> reserve(Principal owner) {
        McpSessions.Room room = local.reserve(owner.id());
        if (room != McpSessions.Room.PRINCIPAL_FULL || !store.shared()) {
            return CompletableFuture.completedFuture(room);
        }
        Instant now = clock.instant();
        CompletableFuture<?>[] checks = local.all().stream()
                .filter(entry -> entry.owner().id().equals(owner.id()))
                .map(entry -> store.expire(entry.id(), now).thenAccept(outcome -> {
                    if (outcome != SessionStore.Expiry.LIVE) {
                        local.remove(entry.id()).ifPresent(gone -> close(gone.session()));
                    }
                    if (outcome == SessionStore.Expiry.REMOVED) {
                        ended(entry, "expired");
                    }
                }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(checks).thenApply(v -> local.reserve(owner.id()));
    }

    /**
     * Stores a session just initialized by {@code owner}, whose room was {@linkplain #reserve reserved},
     * and holds it here under its SDK id; the room is given back when the store fails.
     */
    CompletableFuture<McpSessions.Entry> start(McpStreamableServerSession session, Principal owner, McpSchema.InitializeRequest init) {
        Instant now = clock.instant();
        StoredSession stored = new StoredSession(session.getId(), owner.id(), owner.groups(), init.protocolVersion(),
                write(init.clientInfo()), write(init.capabilities()), now, now, SessionStore.expiry(now, store.ttl()), Map.of());
        return store.create(stored)
                .whenComplete((v, failure) -> {
                    if (failure != null) {
                        local.release(owner.id());
                    }
                })
                .thenApply(v -> local.add(session.getId(), session, owner, init));
    }

    /**
     * The session {@code id} if {@code caller} owns it and the store confirms it is live (restored here
     * when this instance does not hold it), else empty; fails when the store cannot be reached.
     */
    CompletableFuture<Optional<McpSessions.Entry>> resolve(String id, Principal caller) {
        Optional<McpSessions.Entry> held = local.get(id);
        if (held.isPresent()) {
            if (!McpSessions.owns(id, held.get().owner().id(), caller)) {
                return none();
            }
            local.touch(id);
            return confirm(held.get());
        }
        return find(id).thenCompose(stored -> {
            if (stored.isEmpty() || !McpSessions.owns(id, stored.get().principalId(), caller)) {
                return none();
            }
            dormant.remove(id);
            return confirm(local.addIfAbsent(id, key -> restore(stored.get(), caller)));
        });
    }

    /** One store read per id however many requests wait for it. */
    private CompletableFuture<Optional<StoredSession>> find(String id) {
        CompletableFuture<Optional<StoredSession>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<StoredSession>> running = restoring.putIfAbsent(id, mine);
        if (running != null) {
            return running;
        }
        store.find(id, clock.instant()).whenComplete((found, failure) -> {
            restoring.remove(id, mine);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(found);
            }
        });
        return mine;
    }

    private McpSessions.Entry restore(StoredSession stored, Principal owner) {
        McpSchema.InitializeRequest init = new McpSchema.InitializeRequest(stored.protocolVersion(),
                read(stored.capabilities(), McpSchema.ClientCapabilities.class), read(stored.clientInfo(), McpSchema.Implementation.class));
        McpStreamableServerSession.McpStreamableServerSessionInit started = factory.get().startSession(init);
        // The SDK answers initialize again for the new SDK session; the client got its answer long ago.
        started.initResult().subscribe(result -> { }, error -> LOG.warn("restoring session {}: initialize failed", stored.id(), error));
        LOG.info("session {} of {} restored from the session store", stored.id(), owner.id());
        return local.entry(stored.id(), started.session(), owner, init);
    }

    private CompletableFuture<Optional<McpSessions.Entry>> confirm(McpSessions.Entry entry) {
        Instant now = clock.instant();
        return store.touch(entry.id(), now).thenCompose(live -> {
            if (live) {
                return CompletableFuture.completedFuture(Optional.of(entry));
            }
            // Ended on another instance, or expired: drop this copy; whoever removes it from the store records its end.
            local.remove(entry.id()).ifPresent(e -> close(e.session()));
            return store.expire(entry.id(), now).thenApply(outcome -> {
                if (outcome == SessionStore.Expiry.REMOVED) {
                    ended(entry, "expired");
                }
                return Optional.<McpSessions.Entry>empty();
            });
        });
    }

    /** Ends the session {@code entry} everywhere (its client sent DELETE). */
    CompletableFuture<Void> delete(McpSessions.Entry entry) {
        return store.delete(entry.id()).thenAccept(existed -> {
            local.remove(entry.id());
            if (existed) {
                ended(entry, "deleted");
            }
        });
    }

    /**
     * Drops the local copies idle past the timeout. With an unshared store this instance's idle timeout
     * is the session's end; with a shared one a session ends (everywhere) once its store item expired,
     * which each sweep rechecks for the copies it dropped.
     */
    void sweep() {
        for (McpSessions.Entry entry : local.expireIdle()) {
            close(entry.session());
            if (store.shared()) {
                dormant.put(entry.id(), entry);
            } else {
                store.delete(entry.id()).thenAccept(existed -> {
                    if (existed) {
                        ended(entry, "expired");
                    }
                });
            }
        }
        Instant now = clock.instant();
        for (McpSessions.Entry entry : List.copyOf(dormant.values())) {
            store.expire(entry.id(), now).whenComplete((outcome, failure) -> {
                if (failure != null) {
                    LOG.debug("session {}: expiry check failed; retried on the next sweep", entry.id(), failure);
                } else if (outcome != SessionStore.Expiry.LIVE && dormant.remove(entry.id(), entry) && outcome == SessionStore.Expiry.REMOVED) {
                    LOG.info("session {} of {} expired", entry.id(), entry.owner().id());
                    ended(entry, "expired");
                }
            });
        }
    }

    /**
     * Drops every local copy (shutdown). With a shared store the sessions live on (another instance, or
     * this one after a restart, restores them); with an unshared one they end.
     */
    List<McpStreamableServerSession> clear() {
        List<McpSessions.Entry> all = local.clear();
        if (!store.shared()) {
            all.forEach(entry -> {
                store.delete(entry.id());
                ended(entry, "shutdown");
            });
            dormant.values().forEach(entry -> ended(entry, "shutdown"));
        }
        dormant.clear();
        return all.stream().map(McpSessions.Entry::session).toList();
    }

    private void ended(McpSessions.Entry entry, String reason) {
        try {
            listener.ended(entry.id(), entry.owner(), entry.client(), reason);
        } catch (RuntimeException e) {
            LOG.error("session listener failed on the end of {}", entry.id(), e);
        }
    }

    private static void close(McpStreamableServerSession session) {
        session.closeGracefully().subscribe(null, e -> LOG.debug("closing a local session copy", e));
    }

    private static <T> CompletableFuture<Optional<T>> none() {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return value == null ? null : json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored session data is not valid JSON", e);
        }
    }
}
