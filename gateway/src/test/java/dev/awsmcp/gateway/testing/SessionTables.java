package dev.awsmcp.gateway.testing;

import dev.awsmcp.gateway.session.SessionTable;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.testkit.LocalAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** Shared DynamoDB session tables in moto for gateways under test ({@code sessions.store: dynamodb}). */
public final class SessionTables {

    private SessionTables() {
    }

    /**
     * Creates {@code table} (idempotent) and gives the gateways of this JVM credentials moto accepts
     * (the session store uses the gateway's own credentials); returns the {@code sessions:} line of their YAML.
     */
    public static String create(LocalAws aws, String table) {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
        }
        try (AwsClientFactory clients = new AwsClientFactory(2);
                DynamoDbAsyncClient client = clients.buildGatewayClient(DynamoDbAsyncClient.builder(), aws.region(), aws.endpoint(),
                        aws.credentials())) {
            new SessionTable(client).ensure(table);
        }
        return "sessions: { store: dynamodb, table: " + table + ", region: " + aws.region().id() + ", endpoint: \"" + aws.endpoint() + "\" }\n";
    }
}
