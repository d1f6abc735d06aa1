package dev.awsmcp.gateway.guard.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Logistic regression over a window's features ({@link WindowFeatures}): {@code p = 1 / (1 + e^-(w·x + b))}, and the threshold at or
 * above which a window counts as instructions aimed at the model. Trained by {@code SemanticHeadTrainer} (test
 * sources; {@code scripts/train-semantic-head.sh}), which writes {@link #RESOURCE} with the figures it reached.
 *
 * <p>Two thresholds: a window of a longer text is judged against the rest of it (its contrast feature says whether it
 * is off topic); a text of one window has no such evidence, so it needs a higher probability. Both are chosen by the
 * trainer at the same false-positive rate on held-back benign texts of their kind.
 *
 * @param weights one per feature
 * @param bias the intercept
 * @param threshold the decision threshold on {@code p} for a window of a text of several windows
 * @param standaloneThreshold the decision threshold on {@code p} for a text of one window
 */
public record ClassificationHead(float[] weights, float bias, double threshold, double standaloneThreshold) {

    /** The committed head, on the classpath. */
    public static final String RESOURCE = "/dev/awsmcp/gateway/guard/semantic/semantic-head.json";

    public ClassificationHead {
        weights = weights.clone();
        if (weights.length != WindowFeatures.DIMENSION) {
            throw new IllegalArgumentException("the head has " + weights.length + " weights; the window features have "
                    + WindowFeatures.DIMENSION + " dimensions");
        }
        if (!(threshold > 0 && threshold < 1) || !(standaloneThreshold > 0 && standaloneThreshold < 1)) {
            throw new IllegalArgumentException("thresholds must be between 0 and 1, got " + threshold + " and " + standaloneThreshold);
        }
    }

    /** The committed head. */
    public static ClassificationHead standard() {
        try (InputStream in = ClassificationHead.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode json = Json.mapper().readTree(in);
            JsonNode w = json.get("weights");
            float[] weights = new float[w.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) w.get(i).asDouble();
            }
            return new ClassificationHead(weights, (float) json.get("bias").asDouble(), json.get("threshold").asDouble(),
                    json.get("standaloneThreshold").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The probability that a window with these {@link WindowFeatures} holds instructions aimed at the model. */
    public double probability(float[] features) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The threshold for a window of a text of {@code windows} windows. */
    public double threshold(int windows) {
        return windows > 1 ? threshold : standaloneThreshold;
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }
}
