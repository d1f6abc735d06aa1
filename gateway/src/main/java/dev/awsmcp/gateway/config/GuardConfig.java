package dev.awsmcp.gateway.config;

/**
 * Gateway-wide settings of the result guard; the injection and semantic modes are per team (policy
 * {@code guard.injection}, {@code guard.semantic}).
 *
 * @param secretHash follow each redaction marker with a short keyed hash ({@code [REDACTED:jwt#1a2b3c4d]}),
 *     so the same secret can be correlated across values; the key is random per process. Default true.
 * @param semantic the semantic detector's pool and limits
 */
public record GuardConfig(Boolean secretHash, SemanticConfig semantic) {
    public GuardConfig {
        secretHash = secretHash == null ? Boolean.TRUE : secretHash;
        semantic = semantic == null ? SemanticConfig.defaults() : semantic;
    }

    static GuardConfig defaults() {
        return new GuardConfig(null, null);
    }
}
