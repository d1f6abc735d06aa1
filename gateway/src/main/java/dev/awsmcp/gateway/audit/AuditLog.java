package dev.awsmcp.gateway.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: a bounded queue in front of one writer thread ({@code audit-writer}) that gives
 * each record its sequence number and the hash of the previous line ({@link HashChain}), in order,
 * once, and fans the line out to every sink. Nothing here blocks the caller: {@link #append} returns
 * a stage that completes when the record is flushed (when a sink is durable) or queued (otherwise);
 * completions run on the {@code audit-ack} thread, never on the writer.
 *
 * <p>A tool call first {@link #reserve}s a slot, so that its record is sure to fit once the call is
 * done: when the queue is full the call is refused before it runs (policy {@code refuse}) or waits
 * for room ({@code block}). Lifecycle records (sessions, policy reloads) are always accepted.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_BATCH = 1024;
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final List<AuditSink> sinks;
    private final boolean durable;
    private final OverloadPolicy overload;
    private final AuditCapacity capacity;
    private final HashChain chain;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final ExecutorService acks = Executors.newSingleThreadExecutor(r -> daemon(r, "audit-ack"));
    private final Thread writer;
    private volatile boolean closing;
    private final java.util.concurrent.atomic.AtomicLong writeFailures = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong refusals = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean lastBatchWritten = true;

    /** A slot held for one record; {@link #append(Reservation, AuditEvent)} uses it up. */
    public static final class Reservation {
        private final AtomicBoolean used = new AtomicBoolean();

        private Reservation() {
        }
    }

    private record Entry(AuditEvent event, CompletableFuture<Void> done) {
    }

    private AuditLog(List<AuditSink> sinks, int capacity, OverloadPolicy overload, ChainLink tail) {
        this.sinks = List.copyOf(sinks);
        this.durable = sinks.stream().anyMatch(AuditSink::durable);
        this.overload = overload;
        this.capacity = new AuditCapacity(capacity);
        this.chain = new HashChain(tail);
        this.writer = daemon(this::run, "audit-writer");
        writer.start();
    }

    /**
     * Starts the writer over {@code sinks}; the chain continues after the trail the first sink with one
     * already holds (a restart), else starts at the genesis hash. Closes the sinks when it cannot start.
     */
    public static AuditLog start(List<AuditSink> sinks, int capacity, OverloadPolicy overload) {
        if (sinks.isEmpty() || capacity < 1) {
            throw new IllegalArgumentException("an audit log needs at least one sink and a capacity of at least 1");
        }
        try {
            ChainLink tail = null;
            for (AuditSink sink : sinks) {
                Optional<ChainLink> held = sink.tail();
                if (held.isPresent()) {
                    tail = held.get();
                    break;
                }
            }
            LOG.info("audit trail: {} (queue {}, on overload {}), continuing after seq {}",
                    sinks.stream().map(AuditSink::describe).toList(), capacity, overload, tail == null ? 0 : tail.sequence());
            return new AuditLog(sinks, capacity, overload, tail);
        } catch (IOException | RuntimeException e) {
            sinks.forEach(AuditSink::close);
            throw new IllegalStateException("audit trail cannot start: " + e.getMessage(), e);
        }
    }

    /** Takes a slot for one tool call's record; fails with {@link AuditException} (OVERLOADED) under policy refuse. */
    public CompletionStage<Reservation> reserve() {
        if (closing) {
            return CompletableFuture.failedFuture(unavailable("the audit log is closed", null));
        }
        if (overload == OverloadPolicy.REFUSE) {
            if (capacity.tryTake()) {
                return CompletableFuture.completedFuture(new Reservation());
            }
            refusals.incrementAndGet();
            return CompletableFuture.failedFuture(new AuditException(AuditException.Reason.OVERLOADED, "audit queue is full", null));
        }
        return capacity.take().thenApply(v -> new Reservation());
    }

    /** Appends the record of the call that holds {@code reservation}; never refused for overload. */
    public CompletionStage<Void> append(Reservation reservation, AuditEvent event) {
        if (!reservation.used.compareAndSet(false, true)) {
            throw new IllegalStateException("a reservation holds room for one record");
        }
        return enqueue(event);
    }

    /** Appends a lifecycle record (session, policy); always accepted while open. */
    public CompletionStage<Void> append(AuditEvent event) {
        capacity.force();
        return enqueue(event);
    }

    private CompletionStage<Void> enqueue(AuditEvent event) {
        if (closing) {
            capacity.release(1);
            return CompletableFuture.failedFuture(unavailable("the audit log is closed", null));
        }
        Entry entry = new Entry(event, new CompletableFuture<>());
        queue.add(entry);
        if (closing && !writer.isAlive() && queue.remove(entry)) {
            return CompletableFuture.failedFuture(unavailable("the audit log closed before the record was written", null));
        }
        return durable ? entry.done() : CompletableFuture.completedFuture(null);
    }

    /** Records queued and not yet written (for metrics). */
    public int backlog() {
        return queue.size();
    }

    /** Records that could not be written or flushed since start (for metrics). */
    public long writeFailures() {
        return writeFailures.get();
    }

    /** Tool calls refused because the queue was full (policy refuse) since start (for metrics). */
    public long overloadRefusals() {
        return refusals.get();
    }

    /** True while open and the last batch was written and flushed (for readiness). */
    public boolean writing() {
        return !closing && lastBatchWritten;
    }

    /** The sinks, in configuration order. */
    public List<AuditSink> sinks() {
        return sinks;
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        while (true) {
            Entry first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = queue.poll();
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            writeBatch(batch);
            batch.clear();
        }
    }

    private void writeBatch(List<Entry> batch) {
        Throwable[] failures = new Throwable[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            failures[i] = write(batch.get(i).event());
        }
        Throwable flushFailure = flush();
        long failed = java.util.Arrays.stream(failures).filter(java.util.Objects::nonNull).count();
        writeFailures.addAndGet(flushFailure != null ? batch.size() : failed);
        lastBatchWritten = flushFailure == null && failed == 0;
        List<CompletableFuture<Void>> granted = capacity.release(batch.size());
        List<Entry> done = List.copyOf(batch);
        acks.execute(() -> {
            granted.forEach(waiter -> waiter.complete(null));
            for (int i = 0; i < done.size(); i++) {
                Throwable failure = failures[i] != null ? failures[i] : flushFailure;
                if (failure == null) {
                    done.get(i).done().complete(null);
                } else {
                    done.get(i).done().completeExceptionally(unavailable("the audit record could not be written", failure));
                }
            }
        });
    }

    private Throwable write(AuditEvent event) {
        AuditLine line;
        try {
            line = chain.next(event);
        } catch (RuntimeException e) {
            LOG.error("audit record of type {} cannot be serialized", event.type(), e);
            return e;
        }
        Throwable failure = null;
        for (AuditSink sink : sinks) {
            try {
                sink.write(line);
            } catch (IOException | RuntimeException e) {
                LOG.error("audit sink {} failed to write seq {}", sink.describe(), line.sequence(), e);
                failure = e;
            }
        }
        return failure;
    }

    private Throwable flush() {
        Throwable failure = null;
        for (AuditSink sink : sinks) {
            try {
                sink.flush();
            } catch (IOException | RuntimeException e) {
                LOG.error("audit sink {} failed to flush", sink.describe(), e);
                if (sink.durable()) {
                    failure = e;
                }
            }
        }
        return failure;
    }

    /** Stops accepting records, writes every queued one, then closes the sinks (each flushes within its bounded wait). */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        capacity.drainWaiters().forEach(w -> w.completeExceptionally(unavailable("the audit log is closed", null)));
        try {
            writer.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.error("audit writer did not finish within {}s; {} record(s) still queued", CLOSE_WAIT_SECONDS, queue.size());
        }
        sinks.forEach(AuditSink::close);
        acks.shutdown();
        try {
            acks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("audit trail closed at seq {}", chain.tail().sequence());
    }

    private static AuditException unavailable(String message, Throwable cause) {
        return new AuditException(AuditException.Reason.UNAVAILABLE, message, cause);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
