package dev.awsmcp.toolset.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsFailuresTest {

    private static final AwsFailures.ServiceErrors NONE = error -> null;
    private final AwsFailures failures = new AwsFailures("Example", "ask for less, or retry", " with a smaller limit");

    private static AwsServiceException aws(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private ToolResult translate(Throwable failure) {
        return failures.translate(new CompletionException(failure), NONE);
    }

    @Test
    void argumentErrorsKeepTheirMessage() {
        assertThat(translate(new ToolArgumentException("limit must be positive")))
                .isEqualTo(ToolResult.failure(Kind.INVALID_ARGUMENT, "limit must be positive"));
    }

    @Test
    void deadlinesAreTimeoutsWithTheServiceHint() {
        ToolResult expected = ToolResult.failure(Kind.TIMEOUT,
                "Example did not answer before the call's deadline; ask for less, or retry");

        assertThat(translate(ApiCallTimeoutException.create(1000))).isEqualTo(expected);
        assertThat(translate(ApiCallAttemptTimeoutException.create(1000))).isEqualTo(expected);
        assertThat(translate(SdkClientException.create("read failed", new SocketTimeoutException("read timed out"))))
                .isEqualTo(expected);
        assertThat(failures.withTimeoutHint("check the logs").translate(ApiCallTimeoutException.create(1), NONE))
                .isEqualTo(ToolResult.failure(Kind.TIMEOUT, "Example did not answer before the call's deadline; check the logs"));
    }

    @Test
    void unreachableEndpointsAreUpstream() {
        assertThat(translate(SdkClientException.create("connection refused")))
                .isEqualTo(ToolResult.failure(Kind.UPSTREAM, "Example could not be reached: connection refused"));
    }

    @Test
    void deniedCodesAnd403AreAccessDeniedQuotingAws() {
        assertThat(translate(aws(400, "AccessDeniedException", "User x is not authorized")))
                .isEqualTo(ToolResult.failure(Kind.ACCESS_DENIED, "access denied by AWS: \"User x is not authorized\""));
        assertThat(((ToolResult.Failure) translate(aws(403, "Forbidden", "no")))).extracting(ToolResult.Failure::kind)
                .isEqualTo(Kind.ACCESS_DENIED);
    }

    @Test
    void throttlingInAllItsFormsIsThrottledQuotingAws() {
        assertThat(translate(aws(400, "ThrottlingException", "Rate exceeded"))).isEqualTo(ToolResult.failure(Kind.THROTTLED,
                "Example throttled the request (ThrottlingException): \"Rate exceeded\"; wait a few seconds and retry with a smaller limit"));
        assertThat(kind(aws(429, "Whatever", "slow"))).isEqualTo(Kind.THROTTLED);
        assertThat(kind(aws(503, "SlowDown", "Please reduce your request rate."))).isEqualTo(Kind.THROTTLED);
    }

    @Test
    void aServiceCanThrottleOnCodesTheSdkDoesNotKnow() {
        AwsFailures.ServiceErrors limits = error -> "LimitExceededException".equals(error.code()) ? failures.throttled(error) : null;

        assertThat(failures.translate(aws(400, "LimitExceededException", "too many"), limits)).isEqualTo(ToolResult.failure(
                Kind.THROTTLED, "Example throttled the request (LimitExceededException): \"too many\"; wait a few seconds and retry"
                        + " with a smaller limit"));
        assertThat(kind(aws(503, "ServiceException", "overloaded"))).isEqualTo(Kind.UPSTREAM);
    }

    @Test
    void otherServiceErrorsAreUpstreamQuotingAws() {
        assertThat(translate(aws(500, "InternalFailure", "oops")))
                .isEqualTo(ToolResult.failure(Kind.UPSTREAM, "Example failed (InternalFailure): \"oops\""));
        assertThat(((ToolResult.Failure) translate(AwsServiceException.builder().statusCode(500).message("bodyless").build())).message())
                .startsWith("Example failed (HTTP 500): \"bodyless");
    }

    @Test
    void clientErrorsAwsGivesNoMeaningToAreTheCallersNotTheServices() {
        assertThat(translate(aws(400, "SomeNewValidation", "field x is too long"))).isEqualTo(ToolResult.failure(Kind.INVALID_ARGUMENT,
                "Example rejected the request (SomeNewValidation): \"field x is too long\"; change what it names and call again "
                        + "(the same request fails the same way)"));
        assertThat(kind(aws(404, "NoSuchThing", "gone"))).isEqualTo(Kind.NOT_FOUND);
        assertThat(kind(aws(409, "BucketNotEmpty", "not empty"))).isEqualTo(Kind.CONFLICT);
        assertThat(kind(aws(501, "NotImplemented", "a header you provided implies functionality that is not implemented")))
                .isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(kind(aws(502, "BadGateway", "upstream"))).isEqualTo(Kind.UPSTREAM);
    }

    @Test
    void aBodylessAnswerSaysItHadNoMessageInsteadOfNull() {
        // What the SDK builds for a HEAD request answered 405: details without code or message.
        AwsServiceException head = AwsServiceException.builder().statusCode(405)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("Example").build()).build();

        assertThat(translate(head)).isEqualTo(ToolResult.failure(Kind.INVALID_ARGUMENT, "Example rejected the request (HTTP 405): "
                + "\"HTTP 405 without an error message\"; change what it names and call again (the same request fails the same way)"));
    }

    @Test
    void aClientFailureWithoutAMessageSaysSoInsteadOfNull() {
        assertThat(translate(SdkClientException.create(null, new java.io.IOException())))
                .isEqualTo(ToolResult.failure(Kind.UPSTREAM, "Example could not be reached: no reason given by the AWS SDK"));
    }

    @Test
    void aProgrammingErrorTheSdkWrappedIsABugNotAnUnreachableService() {
        // The SDK reports what a retry strategy or an interceptor throws as a client failure without a message.
        SdkClientException wrapped = SdkClientException.create(null, new NullPointerException());

        assertThatThrownBy(() -> failures.translate(wrapped, NONE)).isInstanceOf(CompletionException.class).hasCause(wrapped);
    }

    @Test
    void serviceSpecificCodesComeFirst() {
        ToolResult notFound = ToolResult.failure(Kind.NOT_FOUND, "table t not found");

        ToolResult result = failures.translate(new ExecutionException(aws(403, "ResourceNotFoundException", "gone")),
                error -> "ResourceNotFoundException".equals(error.code()) ? notFound : null);

        assertThat(result).isEqualTo(notFound);
    }

    @Test
    void bugsStayExceptions() {
        assertThatThrownBy(() -> failures.translate(new NullPointerException("bug"), NONE))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NullPointerException.class);
        CompletionException wrapped = new CompletionException(new IllegalStateException("bug"));
        assertThatThrownBy(() -> failures.translate(wrapped, NONE)).isSameAs(wrapped);
    }

    private Kind kind(Throwable failure) {
        return ((ToolResult.Failure) translate(failure)).kind();
    }
}
