package dev.awsmcp.gateway.config;

/** A configuration file that cannot be used; the message names the file, the key and the fix. */
public final class ConfigException extends RuntimeException {

    /** The key relative to the value being bound, or null when the message names its key in full. */
    private final String relativeKey;
    private final String problem;

    public ConfigException(String message) {
        this(message, (Throwable) null);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.relativeKey = null;
        this.problem = message;
    }

    private ConfigException(String relativeKey, String problem) {
        super(relativeKey.isEmpty() ? problem : relativeKey + ": " + problem);
        this.relativeKey = relativeKey;
        this.problem = problem;
    }

    /**
     * A problem with {@code key} of a value that does not know its own place in the file, such as one entry of a list
     * ({@code key} empty: the value as a whole); {@link ConfigLoader} puts the file and the place in front, as in
     * {@code gateway.yaml: toolsets[2].region: ...}.
     */
    public static ConfigException at(String key, String problem) {
        return new ConfigException(key, problem);
    }

    /** The message for a value at {@code path} of {@code file}: this exception's key, if relative, placed under the path. */
    String placed(Object file, String path) {
        if (relativeKey == null) {
            return file + ": " + problem;
        }
        return file + ": " + path + (relativeKey.isEmpty() ? "" : "." + relativeKey) + ": " + problem;
    }
}
