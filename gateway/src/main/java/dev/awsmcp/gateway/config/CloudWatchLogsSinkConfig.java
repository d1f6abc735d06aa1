package dev.awsmcp.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code type: cloudwatch-logs}: batched PutLogEvents with the gateway's own credentials (default chain).
 *
 * @param logGroup the log group; required
 * @param logStream the log stream; default {@code mcp-gateway}; use one per instance, e.g. {@code ${HOSTNAME:gateway}}
 * @param region the region; required
 * @param endpoint an emulator endpoint; empty means the real AWS endpoint
 * @param createGroup create the group and stream when missing; default true
 * @param spillDir where records wait on disk while CloudWatch is slow or down; default {@code audit/spill}
 * @param bufferEvents records held in memory before spilling to disk; default 10000
 * @param maxRetryDelay the longest pause between delivery attempts; default {@code 30s}
 * @param shutdownWait how long shutdown waits for delivery (the rest stays in the spill file); default {@code 10s}
 */
public record CloudWatchLogsSinkConfig(String logGroup, String logStream, String region, String endpoint, Boolean createGroup,
        String spillDir, Integer bufferEvents, Duration maxRetryDelay, Duration shutdownWait) implements AuditSinkConfig {

    private static final Pattern GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    private static final Pattern STREAM = Pattern.compile("[^:*]{1,512}");

    public CloudWatchLogsSinkConfig {
        String where = "audit.sinks[cloudwatch-logs]";
        if (logGroup == null || !GROUP.matcher(logGroup).matches()) {
            throw new ConfigException(where + ".logGroup: required, 1-512 of [A-Za-z0-9._-/#], e.g. /mcp-gateway/audit");
        }
        logStream = logStream == null || logStream.isBlank() ? "mcp-gateway" : logStream.trim();
        if (!STREAM.matcher(logStream).matches()) {
            throw new ConfigException(where + ".logStream: '" + logStream + "' must be 1-512 characters without ':' or '*'");
        }
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new ConfigException(where + ".region: required, an AWS region name, e.g. us-east-1");
        }
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
        if (endpoint != null && !HttpUrls.isAbsoluteHttp(endpoint)) {
            throw new ConfigException(where + ".endpoint: '" + endpoint + "' is not an http(s) URL, e.g. http://127.0.0.1:5000");
        }
        createGroup = createGroup == null ? Boolean.TRUE : createGroup;
        spillDir = spillDir == null || spillDir.isBlank() ? "audit/spill" : spillDir.trim();
        bufferEvents = bufferEvents == null ? 10_000 : bufferEvents;
        if (bufferEvents < 1) {
            throw new ConfigException(where + ".bufferEvents: must be at least 1, e.g. 10000");
        }
        maxRetryDelay = maxRetryDelay == null ? Duration.ofSeconds(30) : maxRetryDelay;
        shutdownWait = shutdownWait == null ? Duration.ofSeconds(10) : shutdownWait;
    }

    /** The endpoint as a URI, or null. */
    public URI endpointUri() {
        return endpoint == null ? null : URI.create(endpoint);
    }
}
