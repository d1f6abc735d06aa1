package dev.awsmcp.gateway.session;

import dev.awsmcp.gateway.config.SessionsConfig;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Builds the configured session store. */
public final class SessionStores {

    private SessionStores() {
    }

    /**
     * The store of {@code config}: in memory, or DynamoDB with the gateway's own {@code credentials}
     * (a client from {@code clients}). {@code idleTimeout} is the ttl unless {@code sessions.ttl} sets one.
     */
    public static SessionStore create(SessionsConfig config, Duration idleTimeout, AwsClientFactory clients,
            AwsCredentialsProvider credentials) {
        Duration ttl = config.ttlOr(idleTimeout);
        if (!config.shared()) {
            return new InMemorySessionStore(ttl);
        }
        return new DynamoDbSessionStore(client(config, clients, credentials), config.table(), ttl,
                config.callTimeout());
    }

    /** The gateway's own DynamoDB client for the session table of {@code config}. */
    public static DynamoDbAsyncClient client(SessionsConfig config, AwsClientFactory clients, AwsCredentialsProvider credentials) {
        return clients.buildGatewayClient(DynamoDbAsyncClient.builder(), Region.of(config.region()), config.endpointUri(), credentials);
    }
}
