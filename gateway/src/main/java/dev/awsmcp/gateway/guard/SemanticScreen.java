package dev.awsmcp.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.guard.semantic.SemanticDetector;
import dev.awsmcp.toolset.api.ContentPart;
import dev.awsmcp.toolset.api.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SemanticDetector} over the free text of a result, off the caller's thread and inside the
 * call's deadline: the string values and text parts of at least {@code minChars} characters (log messages,
 * documents, item attributes; not ids and states), each once, at most {@code maxChars} characters per result.
 * The work runs on its own pool ({@code guard-semantic-N}, {@code threads} threads, {@code queue} results
 * waiting at most). A text it could not screen (deadline, budget, queue full, detector failure) gets a
 * {@link SemanticVerdicts.NotScreened} verdict, which block mode withholds: it fails closed.
 */
public final class SemanticScreen implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SemanticScreen.class);
    /** Time kept back from the call's deadline for the rest of the guard and the answer. */
    private static final Duration RESERVE = Duration.ofMillis(250);

    private final SemanticDetector detector;
    private final int minChars;
    private final int maxChars;
    private final ThreadPoolExecutor pool;

    /**
     * @param detector the detector (its model loads on the first screened text)
     * @param minChars shortest text screened
     * @param maxChars most characters screened per result
     * @param threads pool threads
     * @param queue results that may wait for a thread
     */
    public SemanticScreen(SemanticDetector detector, int minChars, int maxChars, int threads, int queue) {
        this.detector = detector;
        this.minChars = minChars;
        this.maxChars = maxChars;
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), runnable -> {
            Thread thread = new Thread(runnable, "guard-semantic-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Whether the detector's model has been loaded (it is on the first screened text, not at startup). */
    public boolean modelLoaded() {
        return detector.loaded();
    }

    /** The texts of {@code result} this screen reads: string values, field names and text parts of {@code minChars}+. */
    List<String> candidates(ToolResult result) {
        Set<String> texts = new LinkedHashSet<>();
        if (result instanceof ToolResult.Success success) {
            collect(success.data(), texts);
            for (ContentPart part : success.content()) {
                if (part instanceof ContentPart.Text text) {
                    add(text.text(), texts);
                } else if (part instanceof ContentPart.EmbeddedResource resource && resource.text() != null) {
                    add(resource.text(), texts);
                }
            }
        }
        return new ArrayList<>(texts);
    }

    private void collect(JsonNode node, Set<String> texts) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            add(node.textValue(), texts);
        } else if (node.isContainerNode()) {
            if (node.isObject()) {
                Iterator<String> names = node.fieldNames();
                while (names.hasNext()) {
                    add(names.next(), texts);
                }
            }
            node.forEach(child -> collect(child, texts));
        }
    }

    private void add(String text, Set<String> texts) {
        if (text.length() >= minChars) {
            texts.add(text);
        }
    }

    /** Screens {@code texts} before {@code deadline}; never fails: what could not be screened says so. */
    CompletableFuture<SemanticVerdicts> screen(List<String> texts, Instant deadline) {
        if (texts.isEmpty()) {
            return CompletableFuture.completedFuture(SemanticVerdicts.NONE);
        }
        Duration budget = Duration.between(Instant.now(), deadline).minus(RESERVE);
        if (budget.isNegative() || budget.isZero()) {
            return CompletableFuture.completedFuture(notScreened(texts, "no time left before the call's deadline"));
        }
        CompletableFuture<SemanticVerdicts> verdicts = new CompletableFuture<>();
        AtomicBoolean stop = new AtomicBoolean();
        try {
            pool.execute(() -> verdicts.complete(run(texts, stop)));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(notScreened(texts, "the semantic detector is busy (queue full)"));
        }
        return verdicts.completeOnTimeout(notScreened(texts, "not done before the call's deadline"), budget.toMillis(),
                TimeUnit.MILLISECONDS).whenComplete((v, e) -> stop.set(true));
    }

    private SemanticVerdicts run(List<String> texts, AtomicBoolean stop) {
        Map<String, SemanticVerdicts.Verdict> verdicts = new HashMap<>();
        int screened = 0;
        for (String text : texts) {
            if (stop.get()) {
                break;
            }
            if (screened + text.length() > maxChars) {
                verdicts.put(text, new SemanticVerdicts.NotScreened("over the " + maxChars + " characters screened per result"));
                continue;
            }
            try {
                SemanticDetector.Score score = detector.score(text);
                screened += text.length();
                if (score.instructions()) {
                    verdicts.put(text, new SemanticVerdicts.Instructions(score.probability(), score.start(), score.end()));
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("semantic detector failed; the text is reported as not screened", e);
                verdicts.put(text, new SemanticVerdicts.NotScreened("the semantic detector failed"));
            }
        }
        return new SemanticVerdicts(verdicts);
    }

    private static SemanticVerdicts notScreened(List<String> texts, String reason) {
        Map<String, SemanticVerdicts.Verdict> verdicts = new HashMap<>();
        texts.forEach(t -> verdicts.put(t, new SemanticVerdicts.NotScreened(reason)));
        return new SemanticVerdicts(verdicts);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
