package dev.awsmcp.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.CallControl;
import dev.awsmcp.toolset.api.ResourceFilter;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Local AWS for toolset tests and demos: a running {@link MotoServer} plus what a toolset needs to
 * talk to it the way the gateway would. {@link #toolsetContext()} builds clients whose default
 * credentials throw, so a request that forgets {@link CallContext#awsOverrides()} fails as it would in
 * the gateway. Needs {@code software.amazon.awssdk:netty-nio-client} on the classpath. Thread-safe;
 * {@link #close()} stops the shared HTTP client and, when owned, the server.
 */
public final class LocalAws implements AutoCloseable {

    /** The region every local client uses. */
    public static final Region REGION = Region.US_EAST_1;
    /** Moto accepts any credentials; these are the conventional test values. */
    public static final AwsCredentialsProvider TEST_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    /** The caller of every {@link #callContext()}. */
    public static final Caller TEST_CALLER = new Caller("test-principal", Set.of("test-team"));

    private static final Duration CALL_DEADLINE = Duration.ofSeconds(30);
    private static final AwsCredentialsProvider NO_DEFAULT_CREDENTIALS = () -> {
        throw SdkClientException.create("no default credentials: every request must carry CallContext.awsOverrides()");
    };

    private final MotoServer server;
    private final boolean ownsServer;
    private final SdkAsyncHttpClient httpClient;

    private LocalAws(MotoServer server, boolean ownsServer) {
        this.server = Objects.requireNonNull(server, "server");
        this.ownsServer = ownsServer;
        this.httpClient = NettyNioAsyncHttpClient.builder().build();
    }

    /** Wraps a running server; {@link #close()} leaves the server running. */
    public static LocalAws on(MotoServer server) {
        return new LocalAws(server, false);
    }

    /** Starts a server with {@code options}; {@link #close()} stops it. */
    public static LocalAws start(MotoServerOptions options) {
        MotoServer server = MotoServer.start(options);
        try {
            return new LocalAws(server, true);
        } catch (RuntimeException | LinkageError e) {
            server.close();
            throw e;
        }
    }

    /** The moto server behind this instance. */
    public MotoServer server() {
        return server;
    }

    /** The endpoint of every emulated service. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The region of local clients, {@code us-east-1}. */
    public Region region() {
        return REGION;
    }

    /** Static test credentials ({@code testing}/{@code testing}). */
    public AwsCredentialsProvider credentials() {
        return TEST_CREDENTIALS;
    }

    /** Drops all state in the emulator. */
    public void reset() {
        server.reset();
    }

    /** A configuration for one toolset instance pointing at the emulator. */
    public ToolsetConfig toolsetConfig(String id, String type, ObjectNode options) {
        return new ToolsetConfig(id, type, REGION, endpoint(), options);
    }

    /**
     * A context whose clients use the config's region, the config's endpoint (the emulator when
     * the config has none), a shared Netty HTTP client and default credentials that throw.
     */
    public ToolsetContext toolsetContext() {
        return new ToolsetContext() {
            @Override
            public <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
                    & software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder<B, C>, C> C buildClient(
                    B builder, ToolsetConfig config) {
                return builder.region(config.region())
                        .endpointOverride(config.endpoint() != null ? config.endpoint() : endpoint())
                        .credentialsProvider(NO_DEFAULT_CREDENTIALS)
                        .httpClient(httpClient)
                        .build();
            }
        };
    }

    /** A call context with the test credentials, a 30 s deadline and {@link ResultLimits#DEFAULT}. */
    public CallContext callContext() {
        return callContext(ResultLimits.DEFAULT);
    }

    /** A call context with the test credentials, a 30 s deadline and the given limits. */
    public CallContext callContext(ResultLimits limits) {
        return callContext(limits, CallControl.silent());
    }

    /** A call context with the test credentials, a 30 s deadline, the given limits and {@code control} (progress, cancellation). */
    public CallContext callContext(ResultLimits limits, CallControl control) {
        return new CallContext(TEST_CALLER, TEST_CREDENTIALS, Instant.now().plus(CALL_DEADLINE), limits,
                UUID.randomUUID().toString(), ResourceFilter.ALL, null, control);
    }

    @Override
    public void close() {
        httpClient.close();
        if (ownsServer) {
            server.close();
        }
    }
}
