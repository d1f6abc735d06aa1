package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.PageCursor;
import dev.awsmcp.toolset.support.ToolArgumentException;
import dev.awsmcp.toolset.support.ToolArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Reads Lambda's marker-paged listings ({@code Marker}/{@code MaxItems}/{@code NextMarker}) into one
 * bounded page of entries a caller may see. The cursor holds the AWS marker of the page being read
 * plus an offset into it, so a page can be cut anywhere: when visibility filtering drops entries, and
 * when a server returns more than {@code MaxItems} (moto ignores it and answers everything at once).
 */
final class MarkerPager {

    /** Entries asked of AWS per request; ListVersionsByFunction accepts at most 50. */
    static final int AWS_PAGE = 50;
    /** AWS requests per call at most, so a caller who sees few of many entries gets a cursor, not a long wait. */
    static final int MAX_REQUESTS = 20;

    /** One AWS response: its entries and the marker of the next page, null on the last page. */
    record Page<T>(List<T> entries, String nextMarker) {
    }

    /** Sends one listing request. */
    @FunctionalInterface
    interface Fetch<T> {
        CompletableFuture<Page<T>> fetch(String marker, int maxItems);
    }

    /** Up to {@code limit} entries and the cursor of the rest, null when nothing is left. */
    record Listing<T>(List<T> entries, String nextCursor) {
    }

    private MarkerPager() {
    }

    /**
     * Reads from {@code cursor} (null for the start) until {@code limit} entries pass {@code keep} or
     * the listing ends.
     *
     * @throws ToolArgumentException when the cursor is malformed or belongs to another scope
     */
    static <T> CompletableFuture<Listing<T>> read(String scope, String cursor, int limit, Predicate<T> keep, Fetch<T> fetch) {
        String marker = null;
        int offset = 0;
        if (cursor != null) {
            JsonNode position = decode(cursor, scope);
            marker = position.path("m").isTextual() ? position.get("m").textValue() : null;
            offset = position.get("o").intValue();
        }
        return next(scope, new ArrayList<>(), limit, marker, offset, keep, fetch, 1);
    }

    private static <T> CompletableFuture<Listing<T>> next(String scope, List<T> kept, int limit, String marker, int offset,
            Predicate<T> keep, Fetch<T> fetch, int request) {
        int wanted = Math.min(AWS_PAGE, limit - kept.size() + offset);
        return fetch.fetch(marker, Math.max(1, wanted)).thenCompose(page -> {
            List<T> entries = page.entries();
            for (int i = offset; i < entries.size(); i++) {
                if (kept.size() == limit) {
                    return done(kept, encode(scope, marker, i));
                }
                if (keep.test(entries.get(i))) {
                    kept.add(entries.get(i));
                }
            }
            if (page.nextMarker() == null || page.nextMarker().isEmpty()) {
                return done(kept, null);
            }
            if (kept.size() == limit || request == MAX_REQUESTS) {
                return done(kept, encode(scope, page.nextMarker(), 0));
            }
            return next(scope, kept, limit, page.nextMarker(), 0, keep, fetch, request + 1);
        });
    }

    private static <T> CompletableFuture<Listing<T>> done(List<T> kept, String cursor) {
        return CompletableFuture.completedFuture(new Listing<>(List.copyOf(kept), cursor));
    }

    private static String encode(String scope, String marker, int offset) {
        ObjectNode position = Json.object();
        position.put("m", marker);
        position.put("o", offset);
        return PageCursor.encode(scope, position);
    }

    private static JsonNode decode(String cursor, String scope) {
        JsonNode position = ToolArguments.decodeCursor(cursor, scope);
        JsonNode marker = position.path("m");
        JsonNode offset = position.path("o");
        if (!(marker.isTextual() || marker.isNull()) || !offset.isInt() || offset.intValue() < 0) {
            throw new ToolArgumentException("cursor is not valid; pass next_cursor exactly as returned by the previous call");
        }
        return position;
    }
}
