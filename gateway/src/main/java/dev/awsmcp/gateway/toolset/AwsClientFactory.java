package dev.awsmcp.gateway.toolset;

import dev.awsmcp.gateway.GatewayVersion;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * The one place that builds AWS clients: every toolset's async client shares one Netty HTTP client
 * (connection pool), carries the {@code mcp-gateway/<version>} user agent, and has no default
 * credentials, so a request that does not carry the caller's credentials fails instead of running
 * as the gateway.
 */
public final class AwsClientFactory implements ToolsetContext, AutoCloseable {

    /** Fails every request that forgot {@code CallContext.awsOverrides()}. */
    static final AwsCredentialsProvider NO_DEFAULT_CREDENTIALS = () -> {
        throw SdkClientException.create("no per-request credentials: the toolset did not apply CallContext.awsOverrides()");
    };

    private final SdkAsyncHttpClient httpClient;

    /** Creates the shared HTTP client; {@code maxConnections} bounds concurrent AWS connections. */
    public AwsClientFactory(int maxConnections) {
        this.httpClient = NettyNioAsyncHttpClient.builder()
                .maxConcurrency(maxConnections)
                .connectionTimeout(Duration.ofSeconds(5))
                .connectionAcquisitionTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C buildClient(B builder, ToolsetConfig config) {
        builder.httpClient(httpClient)
                .region(config.region())
                .credentialsProvider(NO_DEFAULT_CREDENTIALS)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, "mcp-gateway/" + GatewayVersion.current())
                        .build());
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        return builder.build();
    }

    @Override
    public void close() {
        httpClient.close();
    }
}
