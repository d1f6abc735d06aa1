package dev.awsmcp.toolset.api;

import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

/**
 * What the gateway lends a toolset when it is created. The only way a toolset builds AWS clients, so
 * every client shares the gateway's HTTP connection pool, user agent, timeouts and retry settings.
 */
public interface ToolsetContext {

    /**
     * Applies the gateway's client settings and the instance's region and endpoint to {@code builder}
     * and builds the client. The client has no usable default credentials: every request must carry
     * {@link CallContext#awsOverrides()}, so a request that forgets them fails instead of running under
     * the gateway's own identity.
     */
    <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C buildClient(B builder, ToolsetConfig config);

    /**
     * As {@link #buildClient}, with the build left for later: the gateway builds its toolsets' clients once it listens,
     * off the startup path, and a request made before continues when its client exists ({@link DeferredClient#call}).
     * By default the client is built at once.
     */
    default <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> DeferredClient<C> deferredClient(B builder,
            ToolsetConfig config) {
        return DeferredClient.built(buildClient(builder, config));
    }
}
