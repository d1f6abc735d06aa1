package dev.awsmcp.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.testing.Eventually;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.DeferredClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Role assumption against moto's STS. Moto drops SourceIdentity and session tags from what it
 * stores, so the AssumeRole request itself is checked with an SDK interceptor; the identity the
 * credentials carry is checked with GetCallerIdentity, which moto answers like AWS.
 */
@ExtendWith(LocalAwsExtension.class)
class AssumedRolesTest {

    private static final RoleConfig ROLE = new RoleConfig("arn:aws:iam::123456789012:role/mcp-ddb-readonly", "ext-42", Duration.ofHours(1));

    private final List<AssumeRoleRequest> requests = new CopyOnWriteArrayList<>();
    /** The trace current where each AssumeRole was made (the SDK runs beforeExecution on the calling thread). */
    private final List<String> tracesAtRequest = new CopyOnWriteArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private StsAsyncClient sts;
    private LocalAws aws;

    @BeforeEach
    void sts(LocalAws aws) {
        this.aws = aws;
        sts = client(aws.endpoint());
    }

    @AfterEach
    void close() {
        sts.close();
    }

    private StsAsyncClient client(URI endpoint) {
        return StsAsyncClient.builder()
                .region(LocalAws.REGION)
                .endpointOverride(endpoint)
                .httpClient(NettyNioAsyncHttpClient.builder().connectionAcquisitionTimeout(Duration.ofSeconds(2)).build())
                .credentialsProvider(LocalAws.TEST_CREDENTIALS)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof AssumeRoleRequest request) {
                            requests.add(request);
                            tracesAtRequest.add(io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId());
                        }
                    }
                }))
                .build();
    }

    private AssumedRoles roles() {
        return new AssumedRoles(sts, LocalAws.TEST_CREDENTIALS, clock, ForkJoinPool.commonPool());
    }

    private String callerArn(AwsCredentialsProvider credentials) {
        return sts.getCallerIdentity(b -> b.overrideConfiguration(o -> o.credentialsProvider(credentials))).join().arn();
    }

    @Test
    void callsRunAsTheRoleWithTheTeamAndPrincipalAttributed() {
        AssumedRoles.RoleSession session = roles().session(ROLE, "payments-oncall", "alice@example.com").join();
        assertThat(callerArn(session.credentials()))
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/mcp-ddb-readonly/payments-oncall.alice@example.com");
        AssumeRoleRequest request = requests.get(0);
        assertThat(request.roleArn()).isEqualTo(ROLE.roleArn());
        assertThat(request.roleSessionName()).isEqualTo("payments-oncall.alice@example.com");
        assertThat(request.sourceIdentity()).isEqualTo("alice@example.com");
        assertThat(request.externalId()).isEqualTo("ext-42");
        assertThat(request.durationSeconds()).isEqualTo(3600);
        assertThat(request.tags()).extracting(t -> t.key() + "=" + t.value())
                .containsExactlyInAnyOrder("team=payments-oncall", "principal=alice@example.com");
    }

    /**
     * Just after a start the STS client does not exist yet: the AssumeRole a traced call asks for then is made once the
     * client is built, on the thread that builds it, and still under the call's trace.
     */
    @Test
    void anAssumeRoleAskedForBeforeTheStsClientExistsIsMadeOnceItIsBuiltUnderTheCallersTrace() throws Exception {
        DeferredClient<StsAsyncClient> deferred = DeferredClient.of(() -> sts);
        assertThat(deferred.claim()).isTrue();
        // A traced call's span as a caller's traceparent gives it (the no-op tracer's spans carry their parent's context on).
        io.opentelemetry.api.trace.Span call = io.opentelemetry.api.trace.Span.wrap(io.opentelemetry.api.trace.SpanContext.create(
                "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", io.opentelemetry.api.trace.TraceFlags.getSampled(),
                io.opentelemetry.api.trace.TraceState.getDefault()));
        AssumedRoles roles = new AssumedRoles(deferred, LocalAws.TEST_CREDENTIALS, clock, ForkJoinPool.commonPool(),
                io.opentelemetry.api.trace.TracerProvider.noop().get("test"));
        java.util.concurrent.CompletableFuture<AssumedRoles.RoleSession> session;
        try (io.opentelemetry.context.Scope scope = call.makeCurrent()) {
            session = roles.session(ROLE, "payments-oncall", "alice@example.com");
        }
        assertThat(requests).as("no STS client yet: nothing was sent, and nothing waits").isEmpty();
        Thread builder = new Thread(deferred::build, "aws-clients-init");
        builder.start();
        builder.join();
        assertThat(session.get(30, java.util.concurrent.TimeUnit.SECONDS).credentials()).isNotNull();
        assertThat(tracesAtRequest).containsExactly("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void sessionsAreCachedPerTeamAndPrincipal() {
        AssumedRoles roles = roles();
        var alice = roles.session(ROLE, "payments-oncall", "alice").join();
        assertThat(roles.session(ROLE, "payments-oncall", "alice").join()).isSameAs(alice);
        var aliceForInventory = roles.session(ROLE, "inventory", "alice").join();
        var bob = roles.session(ROLE, "payments-oncall", "bob").join();
        assertThat(requests).hasSize(3);
        assertThat(List.of(alice, aliceForInventory, bob)).extracting(s -> s.credentials().resolveCredentials().accessKeyId())
                .doesNotHaveDuplicates();
        assertThat(callerArn(aliceForInventory.credentials())).endsWith("/inventory.alice");
    }

    @Test
    void sessionIsRenewedInTheBackgroundBeforeItExpiresAndNeverUsedAfter() {
        AssumedRoles roles = roles();
        var first = roles.session(ROLE, "t", "alice").join();
        now.set(first.expiration().minus(Duration.ofMinutes(4)));
        var duringRefresh = roles.session(ROLE, "t", "alice").join();
        assertThat(duringRefresh).as("served at once while renewing").isSameAs(first);
        Eventually.until(() -> requests.size() == 2);
        now.set(first.expiration().minusSeconds(30));
        var renewed = roles.session(ROLE, "t", "alice").join();
        assertThat(renewed).isNotSameAs(first);
        assertThat(renewed.credentials().resolveCredentials().accessKeyId())
                .isNotEqualTo(first.credentials().resolveCredentials().accessKeyId());
    }

    @Test
    void unsafeNamesAreSanitizedStablyAndWithoutCollisions() {
        String a = RoleSessionNames.sessionName("payments-oncall", "Jörg Müller <jm@example.com>");
        String b = RoleSessionNames.sessionName("payments-oncall", "Jörg Müller (jm@example.com)");
        assertThat(a).matches("[\\w+=,.@-]{2,64}").isNotEqualTo(b).isEqualTo(RoleSessionNames.sessionName("payments-oncall", "Jörg Müller <jm@example.com>"));
        String longName = RoleSessionNames.sessionName("payments-oncall", "x".repeat(100));
        assertThat(longName).hasSize(64).matches("[\\w+=,.@-]+");
        assertThat(RoleSessionNames.sessionName("payments-oncall", "x".repeat(100) + "y")).isNotEqualTo(longName);
        assertThat(RoleSessionNames.sessionName("t", "alice@example.com")).isEqualTo("t.alice@example.com");
    }

    @Test
    void unreachableStsIsAClearErrorNamingTheRole() throws Exception {
        StsAsyncClient unreachable = client(dev.awsmcp.gateway.testing.EmulatorClients.UNREACHABLE);
        try {
            AssumedRoles roles = new AssumedRoles(unreachable, LocalAws.TEST_CREDENTIALS, clock, ForkJoinPool.commonPool());
            assertThatThrownBy(() -> roles.session(ROLE, "payments-oncall", "alice").join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(RoleAssumptionException.class)
                    .hasMessageStartingWith("cannot assume role arn:aws:iam::123456789012:role/mcp-ddb-readonly for team payments-oncall: STS could not be reached");
        } finally {
            unreachable.close();
        }
    }

    /**
     * Moto accepts the Policy parameter of AssumeRole and stores it, but neither checks its size nor
     * intersects it with the role's permissions; what IAM would enforce is covered by the toolsets'
     * document tests. Here: the request carries the policy, and the policy is part of the cache key.
     */
    @Test
    void sessionPolicyIsSentToStsAndADifferentPolicyIsADifferentSession() {
        AssumedRoles roles = roles();
        String readPayments = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\","
                + "\"Resource\":\"arn:aws:dynamodb:us-east-1:*:table/payments-*\"}]}";
        String readInventory = readPayments.replace("payments-*", "inventory-*");
        var scoped = roles.session(ROLE, "payments-oncall", "alice", readPayments).join();
        assertThat(requests).singleElement().extracting(AssumeRoleRequest::policy).isEqualTo(readPayments);
        assertThat(roles.session(ROLE, "payments-oncall", "alice", readPayments).join()).as("cached").isSameAs(scoped);
        var otherPolicy = roles.session(ROLE, "payments-oncall", "alice", readInventory).join();
        var noPolicy = roles.session(ROLE, "payments-oncall", "alice").join();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).policy()).isEqualTo(readInventory);
        assertThat(requests.get(2).policy()).isNull();
        assertThat(List.of(scoped, otherPolicy, noPolicy)).extracting(s -> s.credentials().resolveCredentials().accessKeyId())
                .doesNotHaveDuplicates();
        assertThat(callerArn(otherPolicy.credentials())).endsWith("/payments-oncall.alice");
    }

    @Test
    void oversizedSessionPolicyIsRefusedBeforeCallingSts() {
        String huge = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::"
                + "b".repeat(2100) + "/*\"}]}";
        assertThatThrownBy(() -> roles().session(ROLE, "payments-oncall", "alice", huge).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RoleAssumptionException.class)
                .hasMessageContaining("the session policy is " + huge.length() + " characters; AWS allows 2048: use fewer or broader resource patterns");
        assertThat(requests).isEmpty();
    }

    @Test
    void packedPolicyTooLargeFromStsIsAClearErrorNamingTheFix() {
        var packed = software.amazon.awssdk.services.sts.model.PackedPolicyTooLargeException.builder()
                .statusCode(400)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("PackedPolicyTooLarge").errorMessage("Packed policy consumes 112% of allotted space").build())
                .build();
        RoleAssumptionException error = RoleAssumptionException.from(ROLE.roleArn(), "payments-oncall", new CompletionException(packed));
        assertThat(error).hasMessageStartingWith("cannot assume role " + ROLE.roleArn() + " for team payments-oncall: PackedPolicyTooLarge")
                .hasMessageContaining("use fewer or broader resource patterns").hasMessageContaining("sessionPolicy: false");
        assertThat(error.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
    }
}
