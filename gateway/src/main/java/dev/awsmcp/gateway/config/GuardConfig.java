package dev.awsmcp.gateway.config;

/**
 * Gateway-wide settings of the result guard; the injection mode is per team (policy {@code guard.injection}).
 *
 * @param secretHash follow each redaction marker with a short keyed hash ({@code [REDACTED:jwt#1a2b3c4d]}),
 *     so the same secret can be correlated across values; the key is random per process. Default true.
 */
public record GuardConfig(Boolean secretHash) {
    public GuardConfig {
        secretHash = secretHash == null ? Boolean.TRUE : secretHash;
    }

    static GuardConfig defaults() {
        return new GuardConfig(null);
    }
}
