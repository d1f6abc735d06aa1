package dev.awsmcp.toolset.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live side of one call: the toolset reports progress through it and learns that the caller gave
 * up, and through which it reaches the caller's {@link #client() client}. Created by the gateway per call; thread-safe. Toolsets that work in steps (pages, polls) call
 * {@link #progress} after each step and stop when {@link #cancelled()} (and undo what runs on in AWS,
 * e.g. stop a Logs Insights query, from {@link #onCancel}). Single-request tools may ignore it.
 */
public final class CallControl {

    /** Where progress goes; the gateway turns it into MCP progress notifications. */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * @param progress how much is done; increases with every report
         * @param total how much there is in all, or null when unknown
         * @param message what is going on, for a person; may be null (guarded like a result on its way out)
         */
        void progress(long progress, Long total, String message);
    }

    private static final ProgressListener SILENT = (progress, total, message) -> {
    };

    private final ProgressListener listener;
    private final ClientRequests client;
    private final AtomicLong reported = new AtomicLong(-1);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();

    private CallControl(ProgressListener listener, ClientRequests client) {
        this.listener = listener == null ? SILENT : listener;
        this.client = client == null ? ClientRequests.NONE : client;
    }

    /** A control whose progress reports go nowhere (the caller asked for none) and whose client can be asked nothing. */
    public static CallControl silent() {
        return new CallControl(SILENT, ClientRequests.NONE);
    }

    /** A control whose progress reports go to {@code listener}; its client can be asked nothing. */
    public static CallControl reportingTo(ProgressListener listener) {
        return new CallControl(listener, ClientRequests.NONE);
    }

    /** A control whose progress reports go to {@code listener} (null: nowhere) and that reaches {@code client} (null: none). */
    public static CallControl reportingTo(ProgressListener listener, ClientRequests client) {
        return new CallControl(listener, client);
    }

    /** The caller's MCP client: log notifications, sampling and elicitation during the call; never null. */
    public ClientRequests client() {
        return client;
    }

    /**
     * Reports progress; a report that does not increase {@code progress} is dropped (MCP requires it to
     * grow), as is any report after cancellation. Never throws: a failing listener cannot fail the call.
     */
    public void progress(long progress, Long total, String message) {
        long before = reported.get();
        if (progress <= before || cancelled.get() || !reported.compareAndSet(before, progress)) {
            return;
        }
        try {
            listener.progress(progress, total, message);
        } catch (RuntimeException ignored) {
            // Progress is advisory; the call goes on.
        }
    }

    /** True once the caller cancelled the call; work not yet started should not start. */
    public boolean cancelled() {
        return cancelled.get();
    }

    /** Runs {@code action} when the call is cancelled (at once when it already is). */
    public void onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelled.get() && cancelActions.remove(action)) {
            runQuietly(action);
        }
    }

    /** Cancels the call (the gateway, when the caller sent {@code notifications/cancelled}); runs the cancel actions once. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable action : List.copyOf(cancelActions)) {
                if (cancelActions.remove(action)) {
                    runQuietly(action);
                }
            }
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // A failing cleanup must not hide the cancellation itself.
        }
    }
}
