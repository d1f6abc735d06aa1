package dev.awsmcp.toolset.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Reads CloudWatch's token-paged listings ({@code NextToken}) into one bounded page of the entries a
 * caller may see. A position is the AWS token of the page being read plus an offset into it, so a result
 * can stop anywhere: when the limit is reached inside a page, when visibility filtering drops entries, and
 * when a server returns more than was asked for (ListMetrics has no page size; moto ignores
 * {@code MaxRecords}). Stops at the limit, the end, {@value #MAX_REQUESTS} requests or 2 s before the
 * deadline; reports progress after each page and stops when the caller cancels.
 */
final class TokenPager {

    /** AWS requests per call at most, so a caller who sees few of many entries gets a cursor, not a long wait. */
    static final int MAX_REQUESTS = 10;
    private static final Duration DEADLINE_RESERVE = Duration.ofSeconds(2);

    /** One AWS response: its entries and the token of the next page, null or empty on the last page. */
    record Page<T>(List<T> entries, String nextToken) {
    }

    /** Sends one listing request for the page at {@code token} (null: the first), asking for about {@code wanted} entries. */
    @FunctionalInterface
    interface Fetch<T> {
        CompletableFuture<Page<T>> fetch(String token, int wanted);
    }

    /**
     * Where a listing continues.
     *
     * @param token the AWS token of the page to read, null for the first page
     * @param offset how many entries of that page were already returned
     */
    record Position(String token, int offset) {

        static final Position START = new Position(null, 0);

        /** The position as cursor JSON ({@code t}, {@code o}); tools may add fields of their own. */
        ObjectNode json() {
            ObjectNode json = Json.object();
            json.put("t", token);
            json.put("o", offset);
            return json;
        }

        /**
         * The position in cursor JSON written by {@link #json()}.
         *
         * @throws ToolArgumentException when it is not such JSON
         */
        static Position of(JsonNode json) {
            JsonNode token = json.path("t");
            JsonNode offset = json.path("o");
            if (!(token.isTextual() || token.isNull()) || !offset.isInt() || offset.intValue() < 0) {
                throw invalidCursor();
            }
            return new Position(token.isNull() ? null : token.textValue(), offset.intValue());
        }
    }

    /** Up to the limit of kept entries, and where the rest starts (null when nothing is left). */
    record Listing<T>(List<T> entries, Position next) {
    }

    private TokenPager() {
    }

    /** Reads from {@code from} until {@code limit} entries pass {@code keep} or the listing ends. */
    static <T> CompletableFuture<Listing<T>> read(Position from, int limit, int awsPage, Predicate<T> keep, Fetch<T> fetch,
            CallContext context) {
        return next(new ArrayList<>(), from, limit, awsPage, keep, fetch, context, 1);
    }

    static ToolArgumentException invalidCursor() {
        return new ToolArgumentException("cursor is not valid; pass next_cursor exactly as returned by the previous call");
    }

    private static <T> CompletableFuture<Listing<T>> next(List<T> kept, Position at, int limit, int awsPage, Predicate<T> keep,
            Fetch<T> fetch, CallContext context, int request) {
        if (context.control().cancelled()) {
            return CompletableFuture.failedFuture(new CancellationException("cancelled by the caller after " + (request - 1) + " page(s)"));
        }
        int wanted = Math.max(1, Math.min(awsPage, limit - kept.size() + at.offset()));
        CompletableFuture<Page<T>> pending = fetch.fetch(at.token(), wanted);
        context.control().onCancel(() -> pending.cancel(true));
        return pending.thenCompose(page -> {
            List<T> entries = page.entries();
            for (int i = at.offset(); i < entries.size(); i++) {
                if (kept.size() == limit) {
                    return done(kept, new Position(at.token(), i));
                }
                if (keep.test(entries.get(i))) {
                    kept.add(entries.get(i));
                }
            }
            context.control().progress(kept.size(), (long) limit, "read " + kept.size() + " entries in " + request + " page(s)");
            if (page.nextToken() == null || page.nextToken().isEmpty()) {
                return done(kept, null);
            }
            Position following = new Position(page.nextToken(), 0);
            if (kept.size() == limit || request >= MAX_REQUESTS || context.remaining().compareTo(DEADLINE_RESERVE) < 0) {
                return done(kept, following);
            }
            return next(kept, following, limit, awsPage, keep, fetch, context, request + 1);
        });
    }

    private static <T> CompletableFuture<Listing<T>> done(List<T> kept, Position next) {
        return CompletableFuture.completedFuture(new Listing<>(List.copyOf(kept), next));
    }
}
