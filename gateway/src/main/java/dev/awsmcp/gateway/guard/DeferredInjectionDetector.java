package dev.awsmcp.gateway.guard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The injection detector, built on a thread of its own once {@link #start()} is called: its rules (the keyword automaton,
 * some hundred patterns) take a few hundred milliseconds of CPU, and on two cores a start that builds them competes
 * with them, so a server starts it once it listens. A guard that needs the detector before it is built waits for the
 * build ({@link #get()}, which also starts it); that happens only in the first moments of a process, on the call's own
 * thread, and never on a thread that may not wait (an event loop): there the result is refused instead. A build that
 * fails is logged, keeps {@link #ready()} false, and fails every {@link #get()}, so no result leaves unscanned: the
 * guard fails closed. Thread-safe.
 */
public final class DeferredInjectionDetector implements Supplier<InjectionDetector> {

    private static final Logger LOG = LoggerFactory.getLogger(DeferredInjectionDetector.class);

    private final Supplier<InjectionDetector> build;
    private final BooleanSupplier mayWait;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<InjectionDetector> built = new CompletableFuture<>();

    /**
     * @param build makes the detector (called once, on the thread {@link #start()} starts)
     * @param mayWait whether the calling thread may wait for the build (false on an event loop)
     */
    public DeferredInjectionDetector(Supplier<InjectionDetector> build, BooleanSupplier mayWait) {
        this.build = build;
        this.mayWait = mayWait;
    }

    /** A detector already built: {@link #start()} does nothing, {@link #get()} returns it. */
    public static DeferredInjectionDetector built(InjectionDetector detector) {
        DeferredInjectionDetector deferred = new DeferredInjectionDetector(() -> detector, () -> true);
        deferred.started.set(true);
        deferred.built.complete(detector);
        return deferred;
    }

    /** Starts building the detector on a daemon thread, {@code guard-rules-init}; later calls do nothing. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                built.complete(build.get());
            } catch (RuntimeException | Error e) {
                LOG.error("the result guard's injection detector could not be built; every tool result is refused until a restart", e);
                built.completeExceptionally(e);
            }
        }, "guard-rules-init");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The detector, waiting for its build (started if it was not); throws what the build threw, and refuses
     * ({@link IllegalStateException}) to wait on a thread that may not.
     */
    @Override
    public InjectionDetector get() {
        if (!built.isDone()) {
            start();
            if (!mayWait.getAsBoolean()) {
                throw new IllegalStateException("the injection rules are still being built and this thread may not wait for them; "
                        + "the result is refused");
            }
        }
        try {
            return built.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("the result guard's injection detector could not be built", e.getCause());
        }
    }

    /** True once the detector is built. */
    public boolean ready() {
        return built.isDone() && !built.isCompletedExceptionally();
    }

    /** Why it is not ready: still building, or what its build threw; null when ready. */
    public String problem() {
        if (!built.isDone()) {
            return started.get() ? "the injection rules are being built" : "the injection rules are not built yet";
        }
        Throwable failure = built.handle((detector, thrown) -> thrown).join();
        return failure == null ? null : "the injection rules could not be built (" + failure + "); tool results are refused";
    }
}
