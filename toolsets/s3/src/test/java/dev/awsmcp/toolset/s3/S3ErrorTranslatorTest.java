package dev.awsmcp.toolset.s3;

import static dev.awsmcp.toolset.s3.S3Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

class S3ErrorTranslatorTest {

    private final S3ErrorTranslator translator = new S3ErrorTranslator(
            new ToolsetConfig("files", "s3", Region.EU_WEST_1, null, null, "."));
    private final Arguments object = new Arguments(args("{'bucket':'b-1','key':'a/b.txt','range_start':99}"));

    private static S3Exception s3(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private ToolResult translate(Throwable failure) {
        return translator.translate(new CompletionException(failure), "get_object", object);
    }

    @Test
    void namesSiblingToolsWithTheConfiguredIdAndSeparator() {
        assertThat(translate(s3(404, "NoSuchBucket", "The specified bucket does not exist"))).isEqualTo(
                ToolResult.failure(Kind.NOT_FOUND, "bucket b-1 not found; call files.list_buckets to see the buckets"));
        assertThat(translate(s3(404, "NoSuchKey", "The specified key does not exist."))).isEqualTo(
                ToolResult.failure(Kind.NOT_FOUND, "object s3://b-1/a/b.txt not found; list keys with files.list_objects"));
    }

    @Test
    void aBodylessHead404IsAMissingObject() {
        // As the SDK builds it for a HEAD answered 404: error details without code or message.
        S3Exception head = (S3Exception) S3Exception.builder().statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("S3").build()).build();
        assertThat(translate(head)).isEqualTo(ToolResult.failure(Kind.NOT_FOUND,
                "object s3://b-1/a/b.txt not found; list keys with files.list_objects"));
        assertThat(kind(S3Exception.builder().statusCode(404).build())).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void mapsAwsCodesToKinds() {
        assertThat(kind(s3(403, "AccessDenied", "Access Denied"))).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(kind(s3(416, "InvalidRange", "The requested range is not satisfiable"))).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(kind(s3(503, "SlowDown", "Please reduce your request rate."))).isEqualTo(Kind.THROTTLED);
        assertThat(kind(s3(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold")))
                .isEqualTo(Kind.CONFLICT);
        assertThat(kind(s3(400, "InvalidBucketName", "The specified bucket is not valid."))).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(kind(SdkClientException.create("Unable to execute HTTP request"))).isEqualTo(Kind.UPSTREAM);
    }

    @Test
    void invalidRangeSaysWhereTheObjectEnds() {
        assertThat(((ToolResult.Failure) translate(s3(416, "InvalidRange", "x"))).message())
                .isEqualTo("range_start 99 is at or past the end of s3://b-1/a/b.txt; call files.head_object for its content_length");
    }

    @Test
    void aBucketInAnotherRegionSaysSo() {
        assertThat(((ToolResult.Failure) translate(s3(301, "PermanentRedirect", "use the specified endpoint"))).message())
                .isEqualTo("bucket b-1 is not in this toolset's region (eu-west-1); use a toolset configured for the bucket's region. "
                        + "S3 said: \"use the specified endpoint\"");
        assertThat(kind(s3(301, "PermanentRedirect", "x"))).as("the caller's input, not a failing S3").isEqualTo(Kind.INVALID_ARGUMENT);
    }

    @Test
    void otherErrorsQuoteTheAwsMessage() {
        assertThat(translate(s3(500, "InternalError", "We encountered an internal error. Please try again.")))
                .isEqualTo(ToolResult.failure(Kind.UPSTREAM,
                        "S3 failed (InternalError): \"We encountered an internal error. Please try again.\""));
    }

    @Test
    void bugsStayExceptions() {
        assertThatThrownBy(() -> translate(new NullPointerException("bug"))).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void timeoutAdviceFitsTheTool() {
        assertThat(timeout("head_object")).isEqualTo("S3 did not answer before the call's deadline; retry");
        assertThat(timeout("get_object")).contains("range_length").doesNotContain("max_keys");
        assertThat(timeout("list_objects")).contains("max_keys").doesNotContain("range_length");
        assertThat(timeout("put_object")).contains("may or may not have been written").contains("files.head_object");
    }

    private String timeout(String tool) {
        return ((ToolResult.Failure) translator.translate(ApiCallTimeoutException.create(1000), tool, object)).message();
    }

    private Kind kind(Throwable failure) {
        return ((ToolResult.Failure) translate(failure)).kind();
    }
}
