package dev.awsmcp.gateway.config;

/**
 * Static API keys.
 *
 * @param file the key file (YAML {@code keys: [{id, sha256}]}); a relative path resolves against the
 *     working directory of the gateway process, like every other path in the configuration
 */
public record ApiKeysConfig(String file) {
    public ApiKeysConfig {
        if (file == null || file.isBlank()) {
            throw new ConfigException("auth.apiKeys.file: required; name the key file, e.g. config/api-keys.yaml");
        }
    }
}
