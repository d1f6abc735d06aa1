package dev.awsmcp.toolset.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A toolset's AWS client that the gateway builds once it listens ({@link ToolsetContext#deferredClient}): building
 * clients is the largest part of a start (the AWS SDK's first client reads the metadata of every AWS service), and on
 * two cores it competes with the start. A request made before the client exists continues when it is built, so no
 * thread waits for it, not even an event loop: {@link #call}. Thread-safe.
 *
 * <p>The gateway claims the build ({@link #claim()}) when it starts building its clients; a client nobody claimed is
 * built by the first call that needs it, on that call's thread (a runtime used without a server, tests).
 */
public final class DeferredClient<C> implements AutoCloseable {

    private final Supplier<C> build;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<C> built = new CompletableFuture<>();
    /** The built client: what every call reads first. */
    private volatile C client;
    private volatile boolean closed;

    private DeferredClient(Supplier<C> build) {
        this.build = build;
    }

    /** A client built by {@code build} when {@link #build()} is called after a {@link #claim()}, or by the first call. */
    public static <C> DeferredClient<C> of(Supplier<C> build) {
        return new DeferredClient<>(build);
    }

    /** A client already built. */
    public static <C> DeferredClient<C> built(C client) {
        DeferredClient<C> deferred = new DeferredClient<>(() -> client);
        deferred.claimed.set(true);
        deferred.client = client;
        deferred.built.complete(client);
        return deferred;
    }

    /**
     * {@code request} made with the client: at once when it is built, else once it is (the answer fails with what the
     * build threw when it failed). Never waits for a build on another thread; a client nobody claimed is built here.
     */
    public <R> CompletableFuture<R> call(Function<? super C, ? extends CompletableFuture<R>> request) {
        C ready = client;
        if (ready != null) {
            return request.apply(ready);
        }
        buildIfUnclaimed();
        return built.thenCompose(request);
    }

    /** Builds the client here when nobody claimed it; a failure is left in {@code built} for the callers. */
    private void buildIfUnclaimed() {
        if (claim()) {
            try {
                build();
            } catch (RuntimeException | Error e) {
                // built completed exceptionally: every call fails with it
            }
        }
    }

    /** Takes the build on: true once, for whoever then calls {@link #build()}. */
    public boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    /** Builds the client; for the one that {@link #claim() claimed} it. A failure completes every waiting call with it. */
    public void build() {
        try {
            C made = build.get();
            client = made;
            built.complete(made);
            if (closed) {
                closeClient(made);
            }
        } catch (RuntimeException | Error e) {
            built.completeExceptionally(e);
            throw e;
        }
    }

    /** Whether the client exists. */
    public boolean isBuilt() {
        return client != null;
    }

    /** What its build threw, or null (not built yet, or built). */
    public Throwable failure() {
        return built.isCompletedExceptionally() ? built.handle((made, thrown) -> thrown).join() : null;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the client; one not built yet is never built. */
    @Override
    public void close() {
        closed = true;
        if (claim()) {
            built.completeExceptionally(new IllegalStateException("the AWS client was closed before it was built"));
            return;
        }
        C made = client;
        if (made != null) {
            closeClient(made);
        }
    }

    private static void closeClient(Object client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the AWS client could not be closed", e);
            }
        }
    }
}
