package dev.awsmcp.gateway.config;

/**
 * The gateway's semantic detector pool ({@code guard.semantic}); whether a team's results pass it is the team's
 * policy ({@code guard.semantic: off | flag | block}). Nothing is loaded unless a team turns it on.
 *
 * @param minChars shortest text value screened (ids, states and short log lines are not); default 200
 * @param maxChars most characters screened per result; texts beyond are reported as not screened; default 32768
 * @param threads threads of the pool, and ONNX Runtime threads of each; default 1
 * @param queue results that may wait for a thread; beyond, they are reported as not screened; default 16
 */
public record SemanticConfig(Integer minChars, Integer maxChars, Integer threads, Integer queue) {

    /** Default of {@link #minChars}. */
    public static final int DEFAULT_MIN_CHARS = 200;
    /** Default of {@link #maxChars}. */
    public static final int DEFAULT_MAX_CHARS = 32768;

    public SemanticConfig {
        minChars = minChars == null ? DEFAULT_MIN_CHARS : minChars;
        maxChars = maxChars == null ? DEFAULT_MAX_CHARS : maxChars;
        threads = threads == null ? 1 : threads;
        queue = queue == null ? 16 : queue;
        if (minChars < 1) {
            throw new ConfigException("guard.semantic.minChars: " + minChars + " must be at least 1 (default 200)");
        }
        if (maxChars < minChars) {
            throw new ConfigException("guard.semantic.maxChars: " + maxChars + " is below minChars (" + minChars + "); default 32768");
        }
        if (threads < 1 || threads > 64) {
            throw new ConfigException("guard.semantic.threads: " + threads + " must be 1 to 64 (default 1)");
        }
        if (queue < 0) {
            throw new ConfigException("guard.semantic.queue: " + queue + " must not be negative (default 16)");
        }
    }

    static SemanticConfig defaults() {
        return new SemanticConfig(null, null, null, null);
    }
}
