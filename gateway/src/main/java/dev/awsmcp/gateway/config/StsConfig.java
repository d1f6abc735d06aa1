package dev.awsmcp.gateway.config;

import java.net.URI;

/**
 * Where the gateway assumes toolset roles (STS).
 *
 * @param region the STS region (a regional endpoint); {@code us-east-1} by default
 * @param endpoint an endpoint override (a local emulator), or empty for the regional STS endpoint
 */
public record StsConfig(String region, String endpoint) {
    public StsConfig {
        region = region == null || region.isBlank() ? "us-east-1" : region.trim();
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new ConfigException("sts.region: '" + region + "' is not an AWS region name, e.g. us-east-1");
        }
        if (endpoint != null) {
            URI uri = URI.create(endpoint);
            if (uri.getHost() == null || !(endpoint.startsWith("http://") || endpoint.startsWith("https://"))) {
                throw new ConfigException("sts.endpoint: '" + endpoint + "' is not an http(s) URL");
            }
        }
    }

    static StsConfig defaults() {
        return new StsConfig(null, null);
    }
}
