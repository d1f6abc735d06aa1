package dev.awsmcp.toolset.s3;

import static dev.awsmcp.toolset.s3.S3Fixture.args;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** head_object, get_bucket_policy and put_object against moto. */
@ExtendWith(LocalAwsExtension.class)
class ObjectToolsTest {

    private static S3Fixture s3;

    @BeforeAll
    static void seed(LocalAws aws) {
        s3 = new S3Fixture(aws);
        s3.createBucket("docs");
        s3.createBucket("locked");
        s3.createBucket("writes");
        s3.put("docs", "manifests/2024.11.3.json", "{\"timeout_ms\":3000}".getBytes(UTF_8), "application/json",
                Map.of("deployed-by", "ci-pipeline", "commit", "c41d9e7"));
        s3.put("locked", "secret.txt", "x".getBytes(UTF_8), "text/plain");
        s3.putPolicy("docs", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Ci\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/ci\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::docs/*\"}]}");
        // moto evaluates bucket policies: an explicit Deny gives a real AccessDenied.
        s3.putPolicy("locked", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::locked/*\"}]}");
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void headObjectReturnsMetadataWithoutTheBody() {
        JsonNode head = s3.success("head_object", args("{'bucket':'docs','key':'manifests/2024.11.3.json'}"));

        assertThat(head.get("content_type").asText()).isEqualTo("application/json");
        assertThat(head.get("content_length").asLong()).isEqualTo(19);
        assertThat(head.get("etag").asText()).matches("[0-9a-f]{32}");
        assertThat(head.get("last_modified").asText()).endsWith("Z");
        assertThat(head.get("metadata")).isEqualTo(args("{'commit':'c41d9e7','deployed-by':'ci-pipeline'}"));
        assertThat(head.has("text")).isFalse();
    }

    @Test
    void headObjectOfAMissingKeyPointsAtListObjects() {
        var failure = s3.failure("head_object", args("{'bucket':'docs','key':'manifests/nope.json'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("object s3://docs/manifests/nope.json not found; list keys with s3__list_objects");
    }

    @Test
    void getBucketPolicyReturnsTheParsedDocument() {
        JsonNode result = s3.success("get_bucket_policy", args("{'bucket':'docs'}"));

        assertThat(result.get("has_policy").asBoolean()).isTrue();
        assertThat(result.at("/policy/Statement/0/Sid").asText()).isEqualTo("Ci");
        assertThat(result.at("/policy/Statement/0/Principal/AWS").asText()).isEqualTo("arn:aws:iam::123456789012:role/ci");
    }

    @Test
    void aBucketWithoutPolicyIsAResultNotAnError() {
        JsonNode result = s3.success("get_bucket_policy", args("{'bucket':'writes'}"));

        assertThat(result).isEqualTo(args("{'bucket':'writes','has_policy':false,'policy':null}"));
    }

    @Test
    void getBucketPolicyOfAMissingBucketPointsAtListBuckets() {
        var failure = s3.failure("get_bucket_policy", args("{'bucket':'no-such-bucket'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).startsWith("bucket no-such-bucket not found; call s3__list_buckets");
    }

    @Test
    void accessDeniedByAwsIsReportedWithItsMessage() {
        var failure = s3.failure("get_object", args("{'bucket':'locked','key':'secret.txt'}"));

        assertThat(failure.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(failure.message()).startsWith("access denied by AWS: \"");
    }

    @Test
    void putObjectWritesTextThatReadsBack() {
        JsonNode written = s3.success("put_object", args("{'bucket':'writes','key':'notes/incident.md',"
                + "'body':'# Incident\\nRolled back to 2024.11.2 ✅','metadata':{'author':'agent'}}"));

        assertThat(written.get("written").asBoolean()).isTrue();
        assertThat(written.get("size").asInt()).isEqualTo("# Incident\nRolled back to 2024.11.2 ✅".getBytes(UTF_8).length);
        JsonNode read = s3.success("get_object", args("{'bucket':'writes','key':'notes/incident.md'}"));
        assertThat(read.get("text").asText()).isEqualTo("# Incident\nRolled back to 2024.11.2 ✅");
        assertThat(read.get("content_type").asText()).isEqualTo("text/plain; charset=utf-8");
        assertThat(read.get("etag").asText()).isEqualTo(written.get("etag").asText());
        JsonNode head = s3.success("head_object", args("{'bucket':'writes','key':'notes/incident.md'}"));
        assertThat(head.at("/metadata/author").asText()).isEqualTo("agent");
    }

    @Test
    void ifNoneMatchRefusesToOverwriteAnExistingKey() {
        s3.success("put_object", args("{'bucket':'writes','key':'once.txt','body':'first','if_none_match':'*'}"));

        var failure = s3.failure("put_object", args("{'bucket':'writes','key':'once.txt','body':'second','if_none_match':'*'}"));

        assertThat(failure.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(failure.message()).startsWith("condition failed: s3://writes/once.txt already exists");
        assertThat(s3.success("get_object", args("{'bucket':'writes','key':'once.txt'}")).get("text").asText()).isEqualTo("first");
    }

    @Test
    void ifMatchWritesOnlyOverTheExpectedVersion() {
        JsonNode first = s3.success("put_object", args("{'bucket':'writes','key':'cas.txt','body':'v1'}"));
        String etag = first.get("etag").asText();

        s3.success("put_object", args("{'bucket':'writes','key':'cas.txt','body':'v2','if_match':'" + etag + "'}"));
        var stale = s3.failure("put_object", args("{'bucket':'writes','key':'cas.txt','body':'v3','if_match':'" + etag + "'}"));

        assertThat(stale.kind()).isEqualTo(Kind.CONFLICT);
    }

    @Test
    void putObjectRefusesBodiesOverTheCapBeforeCallingAws() {
        String body = "é".repeat(PutObjectTool.MAX_BODY_BYTES / 2 + 1);

        var failure = s3.failure("put_object", args("{'bucket':'writes','key':'big.txt','body':'" + body + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).isEqualTo("body is 262146 bytes in UTF-8; at most 262144 are allowed");
        assertThat(s3.failure("head_object", args("{'bucket':'writes','key':'big.txt'}")).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void putObjectIntoAMissingBucketPointsAtListBuckets() {
        var failure = s3.failure("put_object", args("{'bucket':'no-such-bucket','key':'a','body':'x'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).startsWith("bucket no-such-bucket not found");
    }
}
