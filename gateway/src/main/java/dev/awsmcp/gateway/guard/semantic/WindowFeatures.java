package dev.awsmcp.gateway.guard.semantic;

/**
 * What the head reads for one window of a text: the window's embedding, and how far it sits from the text's
 * mean embedding. An instruction planted in a document is both instruction-like and off the document's topic
 * (an invoice email that suddenly asks to recommend a book); a text of one window has no contrast, and is judged
 * on the first half alone.
 */
final class WindowFeatures {

    /** Features per window: embedding, then embedding minus the text's mean embedding. */
    static final int DIMENSION = 2 * SentenceEmbeddings.DIMENSION;

    private WindowFeatures() {
    }

    /** The features of every window of one text, from the windows' embeddings. */
    static float[][] of(float[][] windows) {
        int d = SentenceEmbeddings.DIMENSION;
        float[] mean = new float[d];
        for (float[] window : windows) {
            for (int i = 0; i < d; i++) {
                mean[i] += window[i] / windows.length;
            }
        }
        float[][] features = new float[windows.length][DIMENSION];
        for (int w = 0; w < windows.length; w++) {
            for (int i = 0; i < d; i++) {
                features[w][i] = windows[w][i];
                features[w][d + i] = windows[w][i] - mean[i];
            }
        }
        return features;
    }
}
