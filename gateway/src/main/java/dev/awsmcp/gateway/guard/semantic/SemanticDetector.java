package dev.awsmcp.gateway.guard.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores free text for instructions aimed at the model, as the patterns cannot: a sentence embedding
 * ({@link SentenceEmbeddings}) of every window of the text ({@link TextWindows}) through a logistic head
 * ({@link ClassificationHead}); the text's score is its highest window's. The embedding model is loaded on
 * the first call, not before (a gateway whose teams keep the detector off never loads it). Blocking and
 * CPU-bound (milliseconds per window): call it from a worker pool, never from an event loop. Thread-safe.
 */
public final class SemanticDetector {

    private final ClassificationHead head;
    private final int threads;
    private volatile SentenceEmbeddings embeddings;

    /**
     * @param head the classification head
     * @param threads the ONNX Runtime threads one call may use
     */
    public SemanticDetector(ClassificationHead head, int threads) {
        this.head = head;
        this.threads = threads;
    }

    /** The highest-scoring window of a text, and whether it reaches the head's threshold. */
    public record Score(double probability, int start, int end, boolean instructions) {
        static final Score NONE = new Score(0, 0, 0, false);
    }

    /** Scores {@code text}: its highest-scoring window. Loads the model on the first call. */
    public Score score(String text) {
        List<TextWindows.Window> windows = TextWindows.of(text);
        if (windows.isEmpty()) {
            return Score.NONE;
        }
        List<String> texts = new ArrayList<>(windows.size());
        windows.forEach(w -> texts.add(w.of(text)));
        float[][] vectors = WindowFeatures.of(embeddings().vectors(texts));
        Score best = Score.NONE;
        double threshold = head.threshold(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            double p = head.probability(vectors[i]);
            if (p > best.probability()) {
                best = new Score(p, windows.get(i).start(), windows.get(i).end(), p >= threshold);
            }
        }
        return best;
    }

    /** Whether the embedding model has been loaded (by a call, or by {@link #load()}). */
    public boolean loaded() {
        return embeddings != null;
    }

    /** Loads the embedding model now, if it is not loaded yet (a warm-up off the call path). */
    public void load() {
        embeddings();
    }

    private SentenceEmbeddings embeddings() {
        SentenceEmbeddings loaded = embeddings;
        if (loaded == null) {
            synchronized (this) {
                loaded = embeddings;
                if (loaded == null) {
                    loaded = new SentenceEmbeddings(threads);
                    embeddings = loaded;
                }
            }
        }
        return loaded;
    }
}
