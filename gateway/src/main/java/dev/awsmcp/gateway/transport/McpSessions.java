package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of one gateway instance: lookup by id, a cap on their number, and idle expiry. A
 * session is idle when no request touched it for the idle timeout and no stream of it is open. A
 * session belongs to the principal that created it: another principal presenting its id is told it
 * does not exist (and the attempt is logged as a possible hijack).
 */
final class McpSessions {

    private static final Logger LOG = LoggerFactory.getLogger(McpSessions.class);

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final int maxSessions;
    private final LongSupplier clock;

    private final SessionListener listener;

    private record Entry(McpStreamableServerSession session, Principal owner, McpSchema.Implementation client,
            AtomicLong lastActivityNanos) {
    }

    McpSessions(Duration idleTimeout, int maxSessions, LongSupplier nanoClock) {
        this(idleTimeout, maxSessions, nanoClock, SessionListener.NONE);
    }

    /** @param listener hears of sessions ending (deleted, expired, shutdown) */
    McpSessions(Duration idleTimeout, int maxSessions, LongSupplier nanoClock, SessionListener listener) {
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
        this.clock = nanoClock;
        this.listener = listener;
    }

    /** Whether a new session may be created now. */
    boolean hasRoom() {
        return sessions.size() < maxSessions;
    }

    void add(McpStreamableServerSession session, Principal owner) {
        add(session, owner, null);
    }

    /** Adds a session with the clientInfo its initialize carried (null when none). */
    void add(McpStreamableServerSession session, Principal owner, McpSchema.Implementation client) {
        sessions.put(session.getId(), new Entry(session, owner, client, new AtomicLong(clock.getAsLong())));
    }

    /** The clientInfo of the session with this id, while it is open. */
    Optional<McpSchema.Implementation> clientOf(String id) {
        Entry entry = id == null ? null : sessions.get(id);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.client());
    }

    /** The live session with this id, marking it active; for server-side use (no caller to check). */
    Optional<McpStreamableServerSession> touch(String id) {
        Entry entry = id == null ? null : sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        entry.lastActivityNanos().set(clock.getAsLong());
        return Optional.of(entry.session());
    }

    /** The live session with this id if {@code caller} owns it, marking it active. */
    Optional<McpStreamableServerSession> touch(String id, Principal caller) {
        return owned(id, caller) ? touch(id) : Optional.empty();
    }

    /** Removes the session with this id if {@code caller} owns it (the client ended it). */
    Optional<McpStreamableServerSession> remove(String id, Principal caller) {
        if (!owned(id, caller)) {
            return Optional.empty();
        }
        Entry entry = sessions.remove(id);
        if (entry == null) {
            return Optional.empty();
        }
        ended(entry, "deleted");
        return Optional.of(entry.session());
    }

    private void ended(Entry entry, String reason) {
        try {
            listener.ended(entry.session().getId(), entry.owner(), entry.client(), reason);
        } catch (RuntimeException e) {
            LOG.error("session listener failed on the end of {}", entry.session().getId(), e);
        }
    }

    Optional<McpStreamableServerSession> remove(String id) {
        Entry entry = sessions.remove(id);
        return entry == null ? Optional.empty() : Optional.of(entry.session());
    }

    /** The principal that created the session with this id. */
    Optional<Principal> ownerOf(String id) {
        Entry entry = id == null ? null : sessions.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.owner());
    }

    /** Every open session id with the principal that created it. */
    Map<String, Principal> owners() {
        Map<String, Principal> owners = new java.util.HashMap<>();
        sessions.forEach((id, entry) -> owners.put(id, entry.owner()));
        return owners;
    }

    /** The ids of the sessions {@code principalId} created. */
    List<String> idsOf(String principalId) {
        return sessions.values().stream()
                .filter(e -> e.owner().id().equals(principalId))
                .map(e -> e.session().getId())
                .toList();
    }

    private boolean owned(String id, Principal caller) {
        Entry entry = id == null ? null : sessions.get(id);
        if (entry == null) {
            return false;
        }
        if (caller == null || !entry.owner().id().equals(caller.id())) {
            LOG.warn("session {} of {} presented by {}: refused as not found (possible session hijack)", id,
                    entry.owner().id(), caller == null ? "an unauthenticated caller" : caller.id());
            return false;
        }
        return true;
    }

    Collection<McpStreamableServerSession> all() {
        return sessions.values().stream().map(Entry::session).toList();
    }

    int size() {
        return sessions.size();
    }

    /** Removes and returns the sessions idle past the timeout; the caller closes them. */
    List<McpStreamableServerSession> expireIdle() {
        long now = clock.getAsLong();
        long limit = idleTimeout.toNanos();
        List<McpStreamableServerSession> expired = sessions.entrySet().stream()
                .filter(e -> now - e.getValue().lastActivityNanos().get() > limit && !e.getValue().session().hasOpenStream())
                .map(e -> e.getValue().session())
                .toList();
        expired.forEach(s -> {
            Entry entry = sessions.remove(s.getId());
            if (entry != null) {
                ended(entry, "expired");
            }
        });
        if (!expired.isEmpty()) {
            LOG.info("closed {} session(s) idle for more than {}", expired.size(), idleTimeout);
        }
        return expired;
    }

    /** Removes every session (shutdown) and returns them for closing. */
    List<McpStreamableServerSession> clear() {
        List<McpStreamableServerSession> all = new java.util.ArrayList<>();
        for (String id : List.copyOf(sessions.keySet())) {
            Entry entry = sessions.remove(id);
            if (entry != null) {
                ended(entry, "shutdown");
                all.add(entry.session());
            }
        }
        return all;
    }
}
