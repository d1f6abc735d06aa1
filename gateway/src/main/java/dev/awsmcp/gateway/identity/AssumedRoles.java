package dev.awsmcp.gateway.identity;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.support.AwsFailures;
import dev.awsmcp.toolset.support.SessionPolicyDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * Credentials of the toolsets' IAM roles, assumed per (role, team, principal) with STS AssumeRole:
 * RoleSessionName {@code <team>.<principal>}, SourceIdentity = the principal, session tags {@code team}
 * and {@code principal}, the role's ExternalId, so CloudTrail attributes every AWS call to the person or
 * agent behind it; optionally an inline session policy (the team's grant), which IAM intersects with the
 * role's permissions; a different session policy is a different session. Sessions are cached and
 * renewed in the background {@link #REFRESH_BEFORE} before they expire, so calls never wait for STS
 * except the first of a session; a session is never used in its last minute. Everything is
 * asynchronous: no thread waits for STS. A call that waits for STS (the first of a session) sees it in its trace: a span
 * {@code sts.assume_role} under the span current when the session was asked for; a renewal in the background has none.
 */
public final class AssumedRoles {

    /** How long before expiry a session is renewed in the background. */
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    /** A session is dropped this long before it expires. */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(AssumedRoles.class);

    private final DeferredClient<StsAsyncClient> sts;
    private final AwsCredentialsProvider base;
    private final Clock clock;
    private final AsyncLoadingCache<SessionKey, RoleSession> sessions;
    private final Tracer tracer;

    /** What a session is assumed for; the session policy (or null) is part of it. */
    private record SessionKey(RoleConfig role, String team, String principal, String sessionPolicy) {
    }

    /**
     * @param sts the STS client (built by the gateway's client factory)
     * @param base the gateway's own credentials, which call AssumeRole
     * @param clock time source, for tests
     * @param executor where cache maintenance runs
     */
    public AssumedRoles(StsAsyncClient sts, AwsCredentialsProvider base, Clock clock, Executor executor) {
        this(DeferredClient.built(sts), base, clock, executor, TracerProvider.noop().get("dev.awsmcp.gateway"));
    }

    /**
     * The same, with the STS client built later (by the gateway once it listens: an AssumeRole asked for before continues
     * once it exists) and a span for each AssumeRole made while a traced call waits ({@code tracer} from the gateway's
     * tracing).
     */
    public AssumedRoles(DeferredClient<StsAsyncClient> sts, AwsCredentialsProvider base, Clock clock, Executor executor, Tracer tracer) {
        this.tracer = tracer;
        this.sts = sts;
        this.base = base;
        this.clock = clock;
        this.sessions = Caffeine.newBuilder()
                .maximumSize(10_000)
                .ticker(ticker(clock))
                .executor(executor)
                .expireAfter(Expiry.<SessionKey, RoleSession>writing((key, session) ->
                        Duration.between(clock.instant(), session.expiration().minus(EXPIRY_MARGIN))))
                .buildAsync((key, ignored) -> assume(key));
    }

    private static Ticker ticker(Clock clock) {
        return () -> clock.millis() * 1_000_000L;
    }

    /**
     * The session for {@code principal} acting for {@code team} in {@code role}: cached, renewed in the
     * background near expiry. Fails with {@link RoleAssumptionException} when STS refuses.
     */
    public CompletableFuture<RoleSession> session(RoleConfig role, String team, String principal) {
        return session(role, team, principal, null);
    }

    /**
     * As {@link #session(RoleConfig, String, String)}, with {@code sessionPolicy} (IAM policy JSON, or null
     * for none) passed to AssumeRole. A policy over {@link SessionPolicyDocument#MAX_CHARACTERS} fails
     * with {@link RoleAssumptionException} without calling STS.
     */
    public CompletableFuture<RoleSession> session(RoleConfig role, String team, String principal, String sessionPolicy) {
        SessionKey key = new SessionKey(role, team, principal, sessionPolicy);
        CompletableFuture<RoleSession> pending = sessions.get(key);
        return pending.handle((session, failure) -> {
            if (failure != null) {
                // Caffeine drops a failed load too, but possibly after this caller saw the failure: drop it
                // first, so that the caller's next call asks STS again instead of meeting the same failure.
                sessions.asMap().remove(key, pending);
                throw failure instanceof java.util.concurrent.CompletionException c ? c : new java.util.concurrent.CompletionException(failure);
            }
            if (Duration.between(clock.instant(), session.expiration()).compareTo(REFRESH_BEFORE) < 0) {
                // Nobody waits for a renewal: it belongs to no call's trace.
                try (Scope detached = Context.root().makeCurrent()) {
                    sessions.synchronous().refresh(key);
                }
            }
            return session;
        });
    }

    private CompletableFuture<RoleSession> assume(SessionKey key) {
        if (key.sessionPolicy() != null && key.sessionPolicy().length() > SessionPolicyDocument.MAX_CHARACTERS) {
            return CompletableFuture.failedFuture(
                    RoleAssumptionException.sessionPolicyTooLarge(key.role().roleArn(), key.team(), key.sessionPolicy().length()));
        }
        String sessionName = RoleSessionNames.sessionName(key.team(), key.principal());
        String sourceIdentity = RoleSessionNames.sourceIdentity(key.principal());
        AssumeRoleRequest request = AssumeRoleRequest.builder()
                .roleArn(key.role().roleArn())
                .roleSessionName(sessionName)
                .sourceIdentity(sourceIdentity)
                .externalId(key.role().externalId())
                .policy(key.sessionPolicy())
                .durationSeconds((int) key.role().sessionDuration().toSeconds())
                .tags(Tag.builder().key("team").value(RoleSessionNames.tagValue(key.team())).build(),
                        Tag.builder().key("principal").value(RoleSessionNames.tagValue(key.principal())).build())
                .overrideConfiguration(o -> o.credentialsProvider(base))
                .build();
        Span span = Span.current().getSpanContext().isValid()
                ? tracer.spanBuilder("sts.assume_role").setAttribute("gateway.role_arn", key.role().roleArn())
                        .setAttribute("gateway.team", key.team()).startSpan()
                : Span.getInvalid();
        CompletableFuture<software.amazon.awssdk.services.sts.model.AssumeRoleResponse> assumed;
        try (Scope current = span.makeCurrent()) {
            // With the span current where the request is made: just after a start that is on the thread that builds
            // the STS client, once it exists.
            assumed = sts.call(Context.current().wrapFunction((StsAsyncClient client) -> client.assumeRole(request)));
        }
        return assumed
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, AwsFailures.unwrap(failure).getClass().getSimpleName());
                    }
                    span.end();
                })
                .handle((response, failure) -> {
                    if (failure != null) {
                        if (!(AwsFailures.unwrap(failure) instanceof SdkException)) {
                            LOG.error("assuming {} for team {} failed in the gateway, not in STS", key.role().roleArn(), key.team(), failure);
                        }
                        throw RoleAssumptionException.from(key.role().roleArn(), key.team(), failure);
                    }
                    Credentials c = response.credentials();
                    LOG.info("assumed {} as {} (source identity {}{}), expires {}", key.role().roleArn(), sessionName, sourceIdentity,
                            key.sessionPolicy() == null ? "" : ", with a session policy", c.expiration());
                    return new RoleSession(StaticCredentialsProvider.create(AwsSessionCredentials.builder()
                            .accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey()).sessionToken(c.sessionToken())
                            .expirationTime(c.expiration()).build()),
                            key.role().roleArn(), sessionName, sourceIdentity, c.expiration());
                });
    }

    /**
     * An assumed-role session.
     *
     * @param credentials the session's credentials
     * @param roleArn the role
     * @param sessionName the RoleSessionName CloudTrail shows
     * @param sourceIdentity the SourceIdentity CloudTrail shows
     * @param expiration when the credentials stop working
     */
    public record RoleSession(AwsCredentialsProvider credentials, String roleArn, String sessionName, String sourceIdentity,
            Instant expiration) {
    }
}
