package dev.awsmcp.gateway.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs the gateway's shutdown once, on SIGTERM or SIGINT (then exits 0: a drained stop is a clean
 * exit, not the JVM's 143), and from a shutdown hook for any other way the JVM is asked to stop. The
 * signal handler itself only starts the shutdown thread; the work runs there, never on the signal
 * dispatcher or an event loop.
 */
final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Runnable work;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    private GracefulShutdown(Runnable work) {
        this.work = work;
    }

    /** Installs the handlers for {@code work}; {@link #await()} returns once it ran. */
    static GracefulShutdown install(Runnable work) {
        GracefulShutdown shutdown = new GracefulShutdown(work);
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> shutdown.onSignal(signal.getName()));
            } catch (IllegalArgumentException e) {
                LOG.debug("signal {} cannot be handled here; the shutdown hook covers it", name);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::runOnce, "gateway-shutdown-hook"));
        return shutdown;
    }

    private void onSignal(String name) {
        Thread thread = new Thread(() -> {
            LOG.info("SIG{} received: shutting down gracefully", name);
            runOnce();
            System.exit(0);
        }, "gateway-shutdown");
        thread.start();
    }

    private void runOnce() {
        if (!started.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("shutdown failed", e);
        } finally {
            done.countDown();
        }
    }

    private void awaitQuietly() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the shutdown ran. */
    void await() throws InterruptedException {
        done.await();
    }
}
