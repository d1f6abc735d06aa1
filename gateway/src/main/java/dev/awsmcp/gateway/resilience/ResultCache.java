package dev.awsmcp.gateway.resilience;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.awsmcp.toolset.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Successful READ results as the model got them, keyed by the deciding team, the caller's teams (which
 * decide what listings show), toolset, tool and canonical arguments (keys sorted at every level).
 * Size-bounded; each entry lives its tool's TTL. The cache does not read the results it keeps: the
 * pipeline decides what is cacheable and how a hit is answered ({@link CallResilience.CachedResult}).
 */
final class ResultCache {

    /** One cached call. */
    record Key(String team, SortedSet<String> teams, String toolset, String tool, String arguments) {
    }

    private record Entry(Object result, Instant stored, Duration ttl) {
    }

    private final Cache<Key, Entry> entries;

    ResultCache(int maxEntries) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .recordStats()
                .expireAfter(new Expiry<Key, Entry>() {
                    @Override
                    public long expireAfterCreate(Key key, Entry entry, long now) {
                        return entry.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Entry entry, long now, long current) {
                        return entry.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    static Key key(String team, SortedSet<String> teams, String toolset, String tool, ObjectNode arguments) {
        return new Key(team, teams, toolset, tool, Json.canonical(arguments));
    }

    /** The result kept under {@code key} and how long ago it was kept, if any. */
    Optional<CallResilience.CachedResult<Object>> get(Key key) {
        Entry entry = entries.getIfPresent(key);
        return entry == null ? Optional.empty()
                : Optional.of(new CallResilience.CachedResult<>(entry.result(), Duration.between(entry.stored(), Instant.now())));
    }

    void put(Key key, Object result, Duration ttl) {
        if (!ttl.isZero()) {
            entries.put(key, new Entry(result, Instant.now(), ttl));
        }
    }

    /** The Caffeine cache, for its statistics (hits, misses, evictions) in the metrics. */
    Cache<?, ?> statistics() {
        return entries;
    }

    void clear() {
        entries.invalidateAll();
    }
}
