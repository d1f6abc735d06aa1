package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.auth.Principal;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK sessions this instance holds, by their external id (the {@code Mcp-Session-Id}; a session
 * restored from the store has another SDK-internal id): lookup, caps on their number (in all, and per
 * principal, counting the sessions being started), and idle expiry of the local copies. A session is idle when no request touched it here for the idle timeout
 * and no stream of it is open. A session belongs to the principal that created it: another principal
 * presenting its id is told it does not exist (and the attempt is logged as a possible hijack).
 */
final class McpSessions {

    private static final Logger LOG = LoggerFactory.getLogger(McpSessions.class);

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    /** Sessions held or being started, by the id of their principal; a principal with none has no key. */
    private final Map<String, Integer> perPrincipal = new ConcurrentHashMap<>();
    private final AtomicInteger counted = new AtomicInteger();
    private final Duration idleTimeout;
    private final int maxSessions;
    private final int maxPerPrincipal;
    private final LongSupplier clock;

    /** Whether a new session may start: {@link #RESERVED} holds room for it until {@link #add} or {@link #release}. */
    enum Room {
        RESERVED,
        /** This instance holds {@code maxSessions} sessions. */
        FULL,
        /** The principal holds {@code maxPerPrincipal} sessions here. */
        PRINCIPAL_FULL
    }

    /**
     * A session held here: its external id, the SDK session, its owner, the clientInfo of its initialize
     * and the protocol version negotiated there.
     */
    record Entry(String id, McpStreamableServerSession session, Principal owner, McpSchema.Implementation client,
            AtomicLong lastActivityNanos, String protocolVersion) {
    }

    McpSessions(Duration idleTimeout, int maxSessions, int maxPerPrincipal, LongSupplier nanoClock) {
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
        this.maxPerPrincipal = maxPerPrincipal;
        this.clock = nanoClock;
    }

    /** Reserves room for a new session of {@code principalId}, or says which cap is reached. */
    Room reserve(String principalId) {
        Room[] room = {Room.RESERVED};
        perPrincipal.compute(principalId, (id, held) -> {
            int count = held == null ? 0 : held;
            if (count >= maxPerPrincipal) {
                room[0] = Room.PRINCIPAL_FULL;
                return held;
            }
            if (counted.incrementAndGet() > maxSessions) {
                counted.decrementAndGet();
                room[0] = Room.FULL;
                return held;
            }
            return count + 1;
        });
        return room[0];
    }

    /** Gives back the room reserved for a session of {@code principalId} that did not start. */
    void release(String principalId) {
        uncount(principalId);
    }

    /** The most sessions one principal may hold here. */
    int maxPerPrincipal() {
        return maxPerPrincipal;
    }

    /** The most sessions this instance holds. */
    int maxSessions() {
        return maxSessions;
    }

    /** Adds a session, whose room was {@linkplain #reserve reserved}, under {@code id} started by {@code init} (whose clientInfo may be null). */
    Entry add(String id, McpStreamableServerSession session, Principal owner, McpSchema.InitializeRequest init) {
        Entry entry = entry(id, session, owner, init);
        sessions.put(id, entry);
        return entry;
    }

    /**
     * The session held under {@code id}, or the one {@code restore} builds (once, under concurrent calls);
     * a restored session counts toward the caps but is never refused for them (it exists already).
     */
    Entry addIfAbsent(String id, Function<String, Entry> restore) {
        return sessions.computeIfAbsent(id, key -> {
            Entry entry = restore.apply(key);
            perPrincipal.merge(entry.owner().id(), 1, Integer::sum);
            counted.incrementAndGet();
            return entry;
        });
    }

    private void uncount(String principalId) {
        perPrincipal.computeIfPresent(principalId, (id, held) -> held > 1 ? held - 1 : null);
        counted.decrementAndGet();
    }

    private Optional<Entry> removed(Entry entry) {
        if (entry != null) {
            uncount(entry.owner().id());
        }
        return Optional.ofNullable(entry);
    }

    /** A new entry (not yet held) for {@link #addIfAbsent}. */
    Entry entry(String id, McpStreamableServerSession session, Principal owner, McpSchema.InitializeRequest init) {
        return new Entry(id, session, owner, init.clientInfo(), new AtomicLong(clock.getAsLong()),
                HttpProtocolVersions.negotiate(init.protocolVersion()));
    }

    /** The session held under {@code id}. */
    Optional<Entry> get(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    /** The session held under {@code id}, marking it active. */
    Optional<Entry> touch(String id) {
        Entry entry = id == null ? null : sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        entry.lastActivityNanos().set(clock.getAsLong());
        return Optional.of(entry);
    }

    /** Whether {@code caller} is {@code ownerId}, the owner of session {@code id}; logs a possible hijack when not. */
    static boolean owns(String id, String ownerId, Principal caller) {
        if (caller == null || !ownerId.equals(caller.id())) {
            LOG.warn("session {} of {} presented by {}: refused as not found (possible session hijack)", id, ownerId,
                    caller == null ? "an unauthenticated caller" : caller.id());
            return false;
        }
        return true;
    }

    /** Removes the session held under {@code id}. */
    Optional<Entry> remove(String id) {
        return removed(sessions.remove(id));
    }

    /** The principal that created the session held under {@code id}. */
    Optional<Principal> ownerOf(String id) {
        Entry entry = id == null ? null : sessions.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.owner());
    }

    /** Every session id held here with the principal that created it. */
    Map<String, Principal> owners() {
        Map<String, Principal> owners = new HashMap<>();
        sessions.forEach((id, entry) -> owners.put(id, entry.owner()));
        return owners;
    }

    /** The ids of the sessions held here that {@code principalId} created. */
    List<String> idsOf(String principalId) {
        return sessions.values().stream().filter(e -> e.owner().id().equals(principalId)).map(Entry::id).toList();
    }

    List<Entry> all() {
        return List.copyOf(sessions.values());
    }

    int size() {
        return sessions.size();
    }

    /** Removes and returns the sessions idle past the timeout; the caller closes them. */
    List<Entry> expireIdle() {
        long now = clock.getAsLong();
        long limit = idleTimeout.toNanos();
        List<Entry> expired = new ArrayList<>();
        for (Entry entry : sessions.values()) {
            if (now - entry.lastActivityNanos().get() > limit && !entry.session().hasOpenStream() && sessions.remove(entry.id(), entry)) {
                removed(entry);
                expired.add(entry);
            }
        }
        return expired;
    }

    /** Removes every session (shutdown) and returns them for closing. */
    List<Entry> clear() {
        List<Entry> all = new ArrayList<>();
        for (String id : List.copyOf(sessions.keySet())) {
            removed(sessions.remove(id)).ifPresent(all::add);
        }
        return all;
    }
}
