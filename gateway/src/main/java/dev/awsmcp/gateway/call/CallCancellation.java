package dev.awsmcp.gateway.call;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the caller gave up on a call, and how to stop what the call is waiting for at that moment (a person's
 * confirmation, the toolset's AWS work). The stage that waits registers its stop; a cancellation that arrives
 * between stages is seen by the next one ({@link #cancelled}).
 */
final class CallCancellation {

    private static final Runnable NOTHING = () -> {
    };

    private volatile boolean cancelled;
    private final AtomicReference<Runnable> stop = new AtomicReference<>(NOTHING);

    /** The caller gave up: runs the registered stop (once). */
    void cancel() {
        cancelled = true;
        stop.getAndSet(NOTHING).run();
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Runs {@code onCancel} when the caller gives up while the current stage waits; at once when it already did. */
    void whileWaiting(Runnable onCancel) {
        stop.set(onCancel);
        if (cancelled) {
            stop.getAndSet(NOTHING).run();
        }
    }
}
