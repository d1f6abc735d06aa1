package dev.awsmcp.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where sessions are kept. {@code memory} (default): in this process, one gateway instance.
 * {@code dynamodb}: in a DynamoDB table shared by several instances behind a load balancer, so any
 * instance serves any session and sessions survive a restart; team rate limits are then shared too.
 *
 * @param store {@code memory} or {@code dynamodb}
 * @param table the DynamoDB table (dynamodb only); default {@code mcp-gateway-sessions}; create it with
 *     {@code sessions init-table}
 * @param region the table's region (dynamodb only; required)
 * @param endpoint an emulator endpoint (dynamodb only); empty means the real AWS endpoint
 * @param ttl how long a session lives without a request (dynamodb only); default {@code server.sessionIdleTimeout}
 * @param callTimeout the longest wait for one DynamoDB call (dynamodb only); default {@code 2s}
 */
public record SessionsConfig(String store, String table, String region, String endpoint, Duration ttl, Duration callTimeout) {

    /** The in-memory store. */
    public static final String MEMORY = "memory";
    /** The DynamoDB store. */
    public static final String DYNAMODB = "dynamodb";

    public SessionsConfig {
        store = store == null || store.isBlank() ? MEMORY : store.trim().toLowerCase(Locale.ROOT);
        if (!store.equals(MEMORY) && !store.equals(DYNAMODB)) {
            throw new ConfigException("sessions.store: '" + store + "' is not a store; use memory (one instance) or dynamodb (several)");
        }
        endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
        region = region == null || region.isBlank() ? null : region.trim();
        if (store.equals(MEMORY)) {
            for (Object[] key : new Object[][] {{"table", table}, {"region", region}, {"endpoint", endpoint}, {"ttl", ttl},
                    {"callTimeout", callTimeout}}) {
                if (key[1] != null) {
                    throw new ConfigException("sessions." + key[0] + ": only with store: dynamodb; remove it or set sessions.store: dynamodb");
                }
            }
        } else {
            table = table == null || table.isBlank() ? "mcp-gateway-sessions" : table.trim();
            if (!table.matches("[A-Za-z0-9_.-]{3,255}")) {
                throw new ConfigException("sessions.table: '" + table + "' is not a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -)");
            }
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new ConfigException("sessions.region: required with store: dynamodb, an AWS region name, e.g. us-east-1");
            }
            if (endpoint != null && !HttpUrls.isAbsoluteHttp(endpoint)) {
                throw new ConfigException("sessions.endpoint: '" + endpoint + "' is not an http(s) URL, e.g. http://127.0.0.1:5000");
            }
            callTimeout = callTimeout == null ? Duration.ofSeconds(2) : callTimeout;
        }
    }

    static SessionsConfig defaults() {
        return new SessionsConfig(null, null, null, null, null, null);
    }

    /** Whether several instances share the sessions (the DynamoDB store). */
    public boolean shared() {
        return store.equals(DYNAMODB);
    }

    /** The session ttl: {@code ttl}, or {@code idleTimeout} when not set. */
    public Duration ttlOr(Duration idleTimeout) {
        return ttl == null ? idleTimeout : ttl;
    }

    /** The endpoint as a URI, or null. */
    public URI endpointUri() {
        return endpoint == null ? null : URI.create(endpoint);
    }
}
