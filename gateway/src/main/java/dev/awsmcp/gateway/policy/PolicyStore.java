package dev.awsmcp.gateway.policy;

import dev.awsmcp.gateway.auth.Principal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policies in force. Loaded at startup (an invalid set stops startup); with watching on, the
 * directory is read again every poll interval on the named {@code policy-reload} thread, and a changed
 * set is validated as a whole and swapped atomically. An invalid change keeps the last good set in
 * force and is reported loudly on every poll until it is fixed. Listeners hear of every swap.
 */
public final class PolicyStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);

    private final PolicyLoader loader;
    private final Path dir;
    private final AtomicReference<PolicySet> current;
    private final List<BiConsumer<PolicySet, PolicySet>> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<PolicySet, List<String>>> rejectionListeners = new CopyOnWriteArrayList<>();
    private volatile List<String> lastRejected = List.of();
    /** The fingerprint of the files compiled last (valid or not); null when the last read could not read them all. */
    private volatile String lastRead;
    private final ScheduledExecutorService poller;

    private PolicyStore(PolicyLoader loader, Path dir, PolicySet initial, Duration pollInterval) {
        this.loader = loader;
        this.dir = dir;
        this.current = new AtomicReference<>(initial);
        this.lastRead = initial.fingerprint();
        if (pollInterval == null) {
            this.poller = null;
        } else {
            this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "policy-reload");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::reload, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Loads {@code dir}; throws {@code ConfigException} when it is invalid.
     *
     * @param pollInterval how often to look for changes, or null not to watch
     */
    public static PolicyStore open(PolicyLoader loader, Path dir, Duration pollInterval) {
        PolicySet initial = loader.load(dir);
        LOG.info("policies: {} team(s) from {}: {}", initial.teams().size(), dir, initial.teams().stream().map(TeamPolicy::team).toList());
        if (initial.teams().isEmpty()) {
            LOG.warn("policies: {} holds no team policy; every caller is denied every tool", dir);
        }
        return new PolicyStore(loader, dir, initial, pollInterval);
    }

    /** The set in force now. */
    public PolicySet current() {
        return current.get();
    }

    /** What {@code principal} may do under the set in force now. */
    public EffectivePolicy effective(Principal principal) {
        return current.get().effective(principal);
    }

    /** The problems of the last rejected change while it is not fixed; empty when the directory is valid. */
    public List<String> rejectedProblems() {
        return lastRejected;
    }

    /** The directory the policies are read from. */
    public Path dir() {
        return dir;
    }

    /** Calls {@code listener(old, new)} after every swap, on the reload thread. */
    public void onChange(BiConsumer<PolicySet, PolicySet> listener) {
        listeners.add(listener);
    }

    /**
     * Calls {@code listener(kept, problems)} when a change is rejected, on the reload thread: once per
     * distinct set of problems, not on every poll that finds the same broken files.
     */
    public void onRejected(BiConsumer<PolicySet, List<String>> listener) {
        rejectionListeners.add(listener);
    }

    /** Reads the directory now; swaps when it changed and is valid. Returns true when a new set is in force. */
    public boolean reload() {
        try {
            List<String> problems = new ArrayList<>();
            PolicyLoader.PolicyFiles files = loader.read(dir, problems);
            PolicySet previous = current.get();
            // A file that could not be read leaves no fingerprint to compare, so the next poll reads everything again.
            String fingerprint = problems.isEmpty() ? files.fingerprint() : null;
            if (fingerprint != null && fingerprint.equals(lastRead)) {
                // Unchanged since the last poll: compiling the same files again would give the same set or the same problems.
                if (!lastRejected.isEmpty()) {
                    logRejected(previous, lastRejected);
                }
                return false;
            }
            PolicySet next = loader.compile(files, problems);
            lastRead = fingerprint;
            if (!problems.isEmpty()) {
                logRejected(previous, problems);
                if (!problems.equals(lastRejected)) {
                    lastRejected = List.copyOf(problems);
                    rejectionListeners.forEach(l -> l.accept(previous, lastRejected));
                }
                return false;
            }
            lastRejected = List.of();
            if (next.fingerprint().equals(previous.fingerprint())) {
                return false;
            }
            current.set(next);
            LOG.warn("policies: reloaded {}: {} team(s) {}", dir, next.teams().size(), next.teams().stream().map(TeamPolicy::team).toList());
            listeners.forEach(l -> l.accept(previous, next));
            return true;
        } catch (RuntimeException e) {
            LOG.error("policies: reload of {} failed, keeping the last good set", dir, e);
            return false;
        }
    }

    private void logRejected(PolicySet kept, List<String> problems) {
        LOG.error("policies: change in {} REJECTED, keeping the last good set ({} team(s)); fix:\n  {}",
                dir, kept.teams().size(), String.join("\n  ", problems));
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
