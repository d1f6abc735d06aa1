package dev.awsmcp.gateway.resilience;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Successful READ results as the model got them, keyed by the deciding team, the caller's teams (which
 * decide what listings show), toolset, tool and canonical arguments (keys sorted at every level).
 * Size-bounded; each entry lives its tool's TTL. A hit is the stored result with this call's
 * correlation id and {@code _meta.cache: {hit: true, ageSeconds: N}}.
 */
final class ResultCache {

    /** One cached call. */
    record Key(String team, SortedSet<String> teams, String toolset, String tool, String arguments) {
    }

    private record Entry(CallToolResult result, Instant stored, Duration ttl) {
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

    Optional<CallToolResult> get(Key key, String correlationId) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return Optional.empty();
        }
        Map<String, Object> meta = new LinkedHashMap<>(entry.result().meta() == null ? Map.of() : entry.result().meta());
        meta.put("correlationId", correlationId);
        meta.put("cache", Map.of("hit", true, "ageSeconds", Duration.between(entry.stored(), Instant.now()).toSeconds()));
        return Optional.of(CallToolResult.builder()
                .content(List.copyOf(entry.result().content()))
                .structuredContent(entry.result().structuredContent())
                .isError(false)
                .meta(meta)
                .build());
    }

    void put(Key key, CallToolResult result, Duration ttl) {
        if (!Boolean.TRUE.equals(result.isError()) && !ttl.isZero()) {
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
