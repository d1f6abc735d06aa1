package dev.awsmcp.gateway.aws;

import dev.awsmcp.gateway.GatewayVersion;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.gateway.aws.AwsRequestIds;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import dev.awsmcp.gateway.aws.GatewayRetryStrategy;

/**
 * The one place that builds AWS clients: every toolset's async client shares one Netty HTTP client
 * (connection pool; through {@link ResponseReleasingHttpClient}, so an idle connection does not keep its last response
 * alive), carries the {@code mcp-gateway/<version>} user agent, reports its AWS request ids to the audit trail
 * ({@link AwsRequestIds}), and has no default credentials, so a request that does not carry the caller's credentials
 * fails instead of running as the gateway. Retries are the
 * gateway's ({@link GatewayRetryStrategy}), never the SDK's defaults on top, so attempts do not multiply. The gateway's own
 * clients (the CloudWatch Logs audit sink) come from {@link #buildGatewayClient} with its own credentials. The toolsets'
 * clients and STS's are deferred ({@link #deferredClient}): configured when asked for, built on a thread of their own
 * once a server listens ({@link #startDeferredBuilds()}), since building them was the largest part of a start.
 */
public final class AwsClientFactory implements ToolsetContext, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AwsClientFactory.class);

    /** Fails every request that forgot {@code CallContext.awsOverrides()}. */
    static final AwsCredentialsProvider NO_DEFAULT_CREDENTIALS = () -> {
        throw SdkClientException.create("no per-request credentials: the toolset did not apply CallContext.awsOverrides()");
    };

    /** TCP connect to an AWS endpoint; endpoints answer in milliseconds, so a longer wait means unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Waiting for a connection from the pool, connecting included. Short, because a request that did not get a
     * connection was never sent and is retried like a refused one ({@code TransientFailures.connectionNotAcquired}),
     * and because the SDK's Netty client now and then leaves a refused connection unreported and only this
     * timeout ends the wait.
     */
    static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(3);

    private final SdkAsyncHttpClient httpClient;
    private final AwsRequestIds requestIds;
    private final List<ExecutionInterceptor> extraInterceptors;
    private final RetryStrategy retryStrategy;
    private final java.util.function.Function<String, ExecutionInterceptor> observer;
    private final List<Deferred> deferred = new CopyOnWriteArrayList<>();
    private final AtomicBoolean deferredStarted = new AtomicBoolean();

    /** Creates the shared HTTP client; {@code maxConnections} bounds concurrent AWS connections. */
    public AwsClientFactory(int maxConnections) {
        this(maxConnections, new AwsRequestIds(), List.of());
    }

    /** A factory with {@code extraInterceptors} and the default retry rules (4 attempts, 100ms..5s full-jitter backoff). */
    public AwsClientFactory(int maxConnections, AwsRequestIds requestIds, List<ExecutionInterceptor> extraInterceptors) {
        this(maxConnections, requestIds, extraInterceptors, GatewayRetryStrategy.create(4, Duration.ofMillis(100), Duration.ofSeconds(5)));
    }

    /**
     * A factory whose clients all carry {@code extraInterceptors} and {@code retryStrategy}.
     *
     * @param maxConnections bounds concurrent AWS connections
     * @param requestIds where every client reports the request ids of each call
     * @param extraInterceptors added to every client after the gateway's own; a hook for tests (fault
     *     injection, request recording), empty in production
     * @param retryStrategy the only retry rules of every client (the SDK's own are replaced)
     */
    public AwsClientFactory(int maxConnections, AwsRequestIds requestIds, List<ExecutionInterceptor> extraInterceptors,
            RetryStrategy retryStrategy) {
        this(maxConnections, requestIds, extraInterceptors, retryStrategy, null);
    }

    /**
     * The same, adding to each client the interceptor {@code observer} makes for the client's owner: the
     * toolset id, or {@code gateway} for the gateway's own clients (metrics of every AWS request); null for none.
     */
    public AwsClientFactory(int maxConnections, AwsRequestIds requestIds, List<ExecutionInterceptor> extraInterceptors,
            RetryStrategy retryStrategy, java.util.function.Function<String, ExecutionInterceptor> observer) {
        this.observer = observer;
        this.requestIds = requestIds;
        this.retryStrategy = retryStrategy;
        this.extraInterceptors = List.copyOf(extraInterceptors);
        this.httpClient = new ResponseReleasingHttpClient(NettyNioAsyncHttpClient.builder()
                .maxConcurrency(maxConnections)
                .connectionTimeout(CONNECT_TIMEOUT)
                .connectionAcquisitionTimeout(ACQUISITION_TIMEOUT)
                .build());
    }

    @Override
    public <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C buildClient(B builder, ToolsetConfig config) {
        return build(builder, config.region(), config.endpoint(), NO_DEFAULT_CREDENTIALS, config.id());
    }

    /** A toolset's client, configured now and built by {@link #startDeferredBuilds()} (or by its first call before). */
    @Override
    public <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> DeferredClient<C> deferredClient(B builder,
            ToolsetConfig config) {
        configure(builder, config.region(), config.endpoint(), NO_DEFAULT_CREDENTIALS, config.id());
        DeferredClient<C> client = DeferredClient.of(builder::build);
        deferred.add(new Deferred(config.id(), client));
        return client;
    }

    /**
     * Starts building the toolsets' deferred clients, in the order they were asked for, on a daemon thread,
     * {@code aws-clients-init}; later calls do nothing. A server calls it once it listens: the builds would have
     * competed with the start for the cores. A failed build is logged and fails its client's calls.
     */
    public void startDeferredBuilds() {
        if (!deferredStarted.compareAndSet(false, true)) {
            return;
        }
        List<Deferred> claimed = deferred.stream().filter(d -> d.client().claim()).toList();
        Thread thread = new Thread(() -> claimed.forEach(d -> {
            try {
                d.client().build();
            } catch (RuntimeException | Error e) {
                LOG.error("the {} AWS client could not be built; the calls that need it fail until a restart", d.owner(), e);
            }
        }), "aws-clients-init");
        thread.setDaemon(true);
        thread.start();
    }

    /** Why not every deferred client (the toolsets', STS) can serve yet (being built, or a build failed); null when all can. */
    public String deferredProblem() {
        int left = 0;
        for (Deferred d : deferred) {
            Throwable failure = d.client().failure();
            if (failure != null && !d.client().isClosed()) {
                return "the " + d.owner() + " AWS client could not be built (" + failure + "); the calls that need it fail until a"
                        + " restart";
            }
            left += d.client().isBuilt() || d.client().isClosed() ? 0 : 1;
        }
        if (left == 0) {
            return null;
        }
        return deferredStarted.get() ? "the AWS clients are being built (" + left + " left)" : "the AWS clients are not built yet";
    }

    /** A deferred client and the toolset it serves. */
    private record Deferred(String owner, DeferredClient<?> client) {
    }

    /**
     * A client acting as the gateway itself (not for a caller), with {@code credentials}; {@code endpoint}
     * null means the real AWS endpoint of {@code region}.
     */
    public <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C buildGatewayClient(B builder, Region region,
            URI endpoint, AwsCredentialsProvider credentials) {
        return build(builder, region, endpoint, credentials, "gateway");
    }

    /** The request ids every client reports. */
    public AwsRequestIds requestIds() {
        return requestIds;
    }

    private <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C build(B builder, Region region, URI endpoint,
            AwsCredentialsProvider credentials, String owner) {
        configure(builder, region, endpoint, credentials, owner);
        return builder.build();
    }

    private <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> void configure(B builder, Region region, URI endpoint,
            AwsCredentialsProvider credentials, String owner) {
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder()
                .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, "mcp-gateway/" + GatewayVersion.current())
                .retryStrategy(retryStrategy)
                .addExecutionInterceptor(requestIds);
        if (observer != null) {
            overrides.addExecutionInterceptor(observer.apply(owner));
        }
        extraInterceptors.forEach(overrides::addExecutionInterceptor);
        builder.httpClient(httpClient)
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides.build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
    }

    @Override
    public void close() {
        httpClient.close();
    }
}
