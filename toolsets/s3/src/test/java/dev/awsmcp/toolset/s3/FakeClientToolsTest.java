package dev.awsmcp.toolset.s3;

import static dev.awsmcp.toolset.s3.S3Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Caller;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.time.Instant;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Behaviour moto cannot produce, shown against {@link FakeS3}. */
class FakeClientToolsTest {

    private final FakeS3 s3 = new FakeS3();
    private final S3Toolset toolset = new S3Toolset(DeferredClient.built(s3), new ToolsetConfig("s3", "s3", Region.US_EAST_1, null, null));

    private static CallContext context(dev.awsmcp.toolset.api.ResourceFilter visibility) {
        return new CallContext(new Caller("tester", Set.of()), AnonymousCredentialsProvider.create(),
                Instant.now().plusSeconds(30), ResultLimits.DEFAULT, "c-1", visibility);
    }

    private static ListBucketsResponse page(int from, int to, String next) {
        return ListBucketsResponse.builder()
                .buckets(IntStream.range(from, to).mapToObj(i -> Bucket.builder().name(String.format("b-%04d", i)).build()).toList())
                .continuationToken(next).build();
    }

    private ToolResult call(String tool, String arguments, CallContext context) {
        return toolset.call(new ToolCall(tool, args(arguments)), context).toCompletableFuture().join();
    }

    @Test
    void listBucketsFollowsContinuationTokensUntilEnoughVisibleBuckets() {
        // moto honours MaxBuckets but never returns a ContinuationToken, so paging is shown here.
        s3.listBucketsResponses.add(page(0, 1000, "tok-1"));
        s3.listBucketsResponses.add(page(1000, 2000, "tok-2"));
        s3.listBucketsResponses.add(page(2000, 2500, null));
        // Only every tenth bucket is visible: 100 per full page.
        CallContext tenth = context(ref -> ref.kind().equals(S3Resources.BUCKET) && ref.name().endsWith("0"));

        JsonNode result = ((ToolResult.Success) call("list_buckets", "{}", tenth)).data();

        assertThat(result.get("count").asInt()).isEqualTo(200);
        assertThat(result.get("truncated").asBoolean()).isTrue();
        assertThat(result.get("buckets")).allSatisfy(b -> assertThat(b.get("name").asText()).endsWith("0"));
        assertThat(s3.listBucketsRequests).extracting(r -> r.continuationToken()).containsExactly(null, "tok-1", "tok-2");
        assertThat(s3.listBucketsRequests).allSatisfy(r -> assertThat(r.maxBuckets()).isEqualTo(ListBucketsTool.AWS_PAGE));
    }

    @Test
    void listBucketsIsNotTruncatedWhenTheLastPageEndsExactlyAtTheCap() {
        s3.listBucketsResponses.add(page(0, 200, null));

        JsonNode result = ((ToolResult.Success) call("list_buckets", "{}", context(ref -> true))).data();

        assertThat(result.get("count").asInt()).isEqualTo(200);
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void slowDownIsThrottled() {
        s3.headFailure = S3Exception.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").errorMessage("Please reduce your request rate.").build())
                .build();

        ToolResult result = call("head_object", "{'bucket':'b-1','key':'k'}", context(ref -> true));

        assertThat(result).isEqualTo(ToolResult.failure(Kind.THROTTLED, "S3 throttled the request (SlowDown): \"Please reduce your request rate.\"; wait a few seconds and retry"));
    }

    @Test
    void theCallDeadlineIsATimeout() {
        s3.headFailure = ApiCallTimeoutException.create(1000);

        ToolResult result = call("head_object", "{'bucket':'b-1','key':'k'}", context(ref -> true));

        assertThat(result).isInstanceOf(ToolResult.Failure.class);
        assertThat(((ToolResult.Failure) result).kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void everyRequestCarriesTheCallOverrides() {
        s3.headFailure = ApiCallTimeoutException.create(1000);
        CallContext context = context(ref -> true);

        call("head_object", "{'bucket':'b-1','key':'k'}", context);

        assertThat(s3.headRequests.get(0).overrideConfiguration()).hasValueSatisfying(o ->
                assertThat(o.credentialsProvider()).contains(context.credentials()));
    }
}
