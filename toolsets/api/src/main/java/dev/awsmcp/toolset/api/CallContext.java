package dev.awsmcp.toolset.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ApiName;
import software.amazon.awssdk.core.SdkPlugin;

/**
 * Everything a toolset needs to make one call on behalf of one caller. Created by the gateway per
 * call; immutable. Toolsets apply {@link #awsOverrides()} to every AWS request they send so that the
 * request runs with this caller's credentials, within this call's deadline, tagged with its
 * correlation id.
 *
 * @param caller who caused the call, for attribution
 * @param credentials credentials for this (toolset, team); never null
 * @param deadline the instant by which the call must have answered
 * @param limits result bounds for this caller
 * @param correlationId the id that joins the gateway's audit record with the AWS requests; never blank
 * @param visibility which resources listing tools may return to this caller; never null
 * @param requestPlugin what the gateway adds to every AWS request of the call through {@link #awsOverrides()}:
 *     its retry rules, bounded by the deadline and by the tool's access class (requests of WRITE and
 *     INVOKE tools are retried only when AWS provably did not run them); null for none
 * @param control progress reports and cancellation of this call; never null
 */
public record CallContext(
        Caller caller,
        AwsCredentialsProvider credentials,
        Instant deadline,
        ResultLimits limits,
        String correlationId,
        ResourceFilter visibility,
        SdkPlugin requestPlugin,
        CallControl control) {

    private static final Duration MINIMUM_TIMEOUT = Duration.ofMillis(1);

    public CallContext {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(control, "control");
    }

    /** A context without progress reporting. */
    public CallContext(Caller caller, AwsCredentialsProvider credentials, Instant deadline, ResultLimits limits, String correlationId,
            ResourceFilter visibility, SdkPlugin requestPlugin) {
        this(caller, credentials, deadline, limits, correlationId, visibility, requestPlugin, CallControl.silent());
    }

    /** A context without a request plugin (the client's retry rules apply). */
    public CallContext(Caller caller, AwsCredentialsProvider credentials, Instant deadline, ResultLimits limits, String correlationId,
            ResourceFilter visibility) {
        this(caller, credentials, deadline, limits, correlationId, visibility, null);
    }

    /** A context whose caller may see every resource. */
    public CallContext(Caller caller, AwsCredentialsProvider credentials, Instant deadline, ResultLimits limits, String correlationId) {
        this(caller, credentials, deadline, limits, correlationId, ResourceFilter.ALL);
    }

    /** True when listing tools may return {@code resource} to this caller. */
    public boolean visible(ResourceRef resource) {
        return visibility.visible(resource);
    }

    /** Time left until the deadline, at least one millisecond. */
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(MINIMUM_TIMEOUT) < 0 ? MINIMUM_TIMEOUT : left;
    }

    /**
     * Per-request settings every AWS request of this call must carry: the caller's credentials, an
     * API call timeout that ends at the deadline (it spans every attempt and backoff), the correlation id
     * in the user agent and the gateway's {@link #requestPlugin() retry rules}. A toolset may add plugins
     * after it, e.g. to switch retries off for one request.
     */
    public AwsRequestOverrideConfiguration awsOverrides() {
        AwsRequestOverrideConfiguration.Builder overrides = AwsRequestOverrideConfiguration.builder()
                .credentialsProvider(credentials)
                .apiCallTimeout(remaining())
                .addApiName(ApiName.builder().name("mcp-call").version(correlationId).build());
        if (requestPlugin != null) {
            overrides.addPlugin(requestPlugin);
        }
        return overrides.build();
    }
}
