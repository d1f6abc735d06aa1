package dev.awsmcp.gateway.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The bounded room of the audit queue, counted in slots: a call takes a slot before it runs, so that
 * its record always fits when it is done; the writer gives slots back as it takes records off the
 * queue. Waiters (overload policy {@code block}) are handed freed slots in arrival order.
 */
final class AuditCapacity {

    private final int capacity;
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int used;

    AuditCapacity(int capacity) {
        this.capacity = capacity;
    }

    /** Takes a slot if one is free. */
    synchronized boolean tryTake() {
        if (used < capacity) {
            used++;
            return true;
        }
        return false;
    }

    /** A slot now or, when none is free, once one is given back. */
    synchronized CompletableFuture<Void> take() {
        if (tryTake()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        waiters.add(waiter);
        return waiter;
    }

    /** Takes a slot even past the capacity (rare lifecycle records, which have no call to refuse). */
    synchronized void force() {
        used++;
    }

    /** Gives back {@code count} slots; returns the waiters that now hold one, for the caller to complete. */
    synchronized List<CompletableFuture<Void>> release(int count) {
        List<CompletableFuture<Void>> granted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CompletableFuture<Void> waiter = waiters.poll();
            if (waiter != null) {
                granted.add(waiter);
            } else {
                used--;
            }
        }
        return granted;
    }

    /** Removes every waiter, for failing them at close. */
    synchronized List<CompletableFuture<Void>> drainWaiters() {
        List<CompletableFuture<Void>> all = new ArrayList<>(waiters);
        waiters.clear();
        return all;
    }

    synchronized int used() {
        return used;
    }
}
