package dev.awsmcp.toolset.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.support.JsonSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Reads pages behind AWS next tokens until the requested number of entries, the end, a page budget,
 * the byte budget or the deadline is reached. Each page asks for at most the entries still wanted and
 * is kept whole, so the token AWS returned is exactly where the result stops: nothing is skipped or
 * repeated between calls. Reports progress after each page; stops when the caller cancels, aborting
 * the page in flight.
 */
final class PageCollector {

    /** One page: its entries and the token of the next one, {@code null} at the end. */
    record Page(List<ObjectNode> entries, String next) {
    }

    /** Fetches a page of at most {@code wanted} entries from {@code token} (null: the first page). */
    @FunctionalInterface
    interface PageSource {
        CompletableFuture<Page> fetch(int wanted, String token);
    }

    /** What was read and the token to continue from, {@code null} when the end was reached. */
    record Collected(List<ObjectNode> entries, String next) {
    }

    private static final Duration DEADLINE_RESERVE = Duration.ofSeconds(2);

    private final PageSource source;
    private final int maxPages;
    private final boolean olderPagesLater;

    /**
     * @param olderPagesLater true when each page holds older entries than the previous one (reading a
     *     stream backwards from its tail), so pages are put before the ones read earlier to keep entries
     *     oldest first
     */
    PageCollector(PageSource source, int maxPages, boolean olderPagesLater) {
        this.source = source;
        this.maxPages = maxPages;
        this.olderPagesLater = olderPagesLater;
    }

    CompletableFuture<Collected> collect(int limit, String start, CallContext context) {
        return next(new ArrayList<>(), 0, 0, limit, start, context);
    }

    private CompletableFuture<Collected> next(List<ObjectNode> entries, int pages, long bytes, int limit, String token,
            CallContext context) {
        if (context.control().cancelled()) {
            return CompletableFuture.failedFuture(new CancellationException("cancelled by the caller after " + pages + " page(s)"));
        }
        CompletableFuture<Page> pending = source.fetch(limit - entries.size(), token);
        context.control().onCancel(() -> pending.cancel(true));
        return pending.thenCompose(page -> {
            long read = bytes;
            for (ObjectNode entry : page.entries()) {
                read += JsonSize.of(entry);
            }
            if (olderPagesLater) {
                entries.addAll(0, page.entries());
            } else {
                entries.addAll(page.entries());
            }
            context.control().progress(entries.size(), (long) limit, "read " + entries.size() + " entries in " + (pages + 1) + " page(s)");
            String position = page.next() == null || page.next().isEmpty() ? null : page.next();
            if (position == null) {
                return CompletableFuture.completedFuture(new Collected(entries, null));
            }
            if (entries.size() >= limit || pages + 1 >= maxPages || read >= context.limits().maxResultBytes()
                    || context.remaining().compareTo(DEADLINE_RESERVE) < 0) {
                return CompletableFuture.completedFuture(new Collected(entries, position));
            }
            return next(entries, pages + 1, read, limit, position, context);
        });
    }
}
