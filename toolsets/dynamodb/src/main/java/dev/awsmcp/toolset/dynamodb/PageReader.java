package dev.awsmcp.toolset.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.JsonSize;
import dev.awsmcp.toolset.support.PageCursor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads items page by page (query, scan, PartiQL) until the requested number of items, the end, a
 * page budget, the byte budget or the deadline is reached, and returns them with a scoped cursor.
 * Each page asks for at most the items still wanted, so the position AWS returns is exactly where the
 * result stops: nothing is skipped or repeated between calls. Reports progress (items read of those
 * wanted) after each page, and stops when the caller cancels, aborting the page in flight.
 */
final class PageReader {

    /** One page from AWS; {@code next} is null at the end, {@code scanned} null when AWS does not say. */
    record Page(List<Map<String, AttributeValue>> items, Integer scanned, JsonNode next) {
    }

    /** Fetches one page of at most {@code limit} items from {@code start} (null: the beginning). */
    @FunctionalInterface
    interface PageFetcher {
        CompletableFuture<Page> fetch(int limit, JsonNode start);
    }

    private static final Duration DEADLINE_RESERVE = Duration.ofSeconds(2);

    private final PageFetcher fetcher;
    private final String scope;
    private final int maxPages;

    PageReader(PageFetcher fetcher, String scope, int maxPages) {
        this.fetcher = fetcher;
        this.scope = scope;
        this.maxPages = maxPages;
    }

    /** Reads with the call's {@code limit} and {@code cursor} arguments. */
    CompletableFuture<ToolResult> read(Arguments arguments, CallContext context) {
        int limit = context.limits().rows(arguments.optionalInt("limit"));
        JsonNode start = arguments.cursor(scope);
        Progress progress = new Progress();
        return next(progress, limit, start, context).thenApply(ToolResult::success);
    }

    private CompletableFuture<ObjectNode> next(Progress progress, int limit, JsonNode start, CallContext context) {
        if (context.control().cancelled()) {
            return CompletableFuture.failedFuture(new CancellationException("cancelled by the caller after " + progress.pages + " page(s)"));
        }
        CompletableFuture<Page> pending = fetcher.fetch(limit - progress.count, start);
        context.control().onCancel(() -> pending.cancel(true));
        return pending.thenCompose(page -> {
            progress.add(page);
            context.control().progress(progress.count, (long) limit, "read " + progress.count + " item(s) in " + progress.pages
                    + " page(s)");
            JsonNode position = page.next();
            boolean more = position != null && !position.isNull();
            if (!more) {
                return CompletableFuture.completedFuture(progress.result(null));
            }
            if (progress.count >= limit || progress.pages >= maxPages
                    || progress.bytes >= context.limits().maxResultBytes()
                    || context.remaining().compareTo(DEADLINE_RESERVE) < 0) {
                return CompletableFuture.completedFuture(progress.result(PageCursor.encode(scope, position)));
            }
            return next(progress, limit, position, context);
        });
    }

    /** What the pages read so far add up to; confined to one call's future chain. */
    private static final class Progress {
        private final ArrayNode items = Json.mapper().createArrayNode();
        private int count;
        private Integer scanned;
        private int pages;
        /** JSON bytes of the items read so far (UTF-8, as the result is written): the page loop stops at the byte budget. */
        private long bytes;

        void add(Page page) {
            pages++;
            for (Map<String, AttributeValue> item : page.items()) {
                ObjectNode json = AttributeValues.toJson(item);
                bytes += JsonSize.of(json);
                items.add(json);
            }
            count += page.items().size();
            if (page.scanned() != null) {
                scanned = (scanned == null ? 0 : scanned) + page.scanned();
            }
        }

        ObjectNode result(String nextCursor) {
            ObjectNode result = Json.object();
            result.set("items", items);
            result.put("count", count);
            if (scanned != null) {
                result.put("scanned_count", scanned);
            }
            if (nextCursor != null) {
                result.put("next_cursor", nextCursor);
            }
            return result;
        }
    }
}
