package dev.awsmcp.toolset.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Json;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.Toolset;
import java.util.Map;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** An S3 toolset on local AWS plus a direct client to seed buckets; one per test class. */
final class S3Fixture implements AutoCloseable {

    final LocalAws aws;
    final Toolset toolset;
    final S3AsyncClient admin;

    S3Fixture(LocalAws aws) {
        this.aws = aws;
        this.toolset = new S3ToolsetFactory().create(aws.toolsetConfig("s3", "s3", null), aws.toolsetContext());
        this.admin = aws.toolsetContext().buildClient(S3AsyncClient.builder().forcePathStyle(true).addPlugin(new NoExpectContinuePlugin()),
                aws.toolsetConfig("admin", "s3", null));
    }

    /** JSON with single quotes standing for double quotes, for readable arguments. */
    static ObjectNode args(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    ToolResult call(String tool, ObjectNode arguments) {
        return call(tool, arguments, aws.callContext());
    }

    ToolResult call(String tool, ObjectNode arguments, CallContext context) {
        return toolset.call(new ToolCall(tool, arguments), context).toCompletableFuture().join();
    }

    JsonNode success(String tool, ObjectNode arguments) {
        return success(tool, arguments, ResultLimits.DEFAULT);
    }

    JsonNode success(String tool, ObjectNode arguments, ResultLimits limits) {
        ToolResult result = call(tool, arguments, aws.callContext(limits));
        assertThat(result).isInstanceOf(ToolResult.Success.class);
        return ((ToolResult.Success) result).data();
    }

    ToolResult.Failure failure(String tool, ObjectNode arguments) {
        ToolResult result = call(tool, arguments);
        assertThat(result).isInstanceOf(ToolResult.Failure.class);
        return (ToolResult.Failure) result;
    }

    void createBucket(String bucket) {
        admin.createBucket(b -> b.bucket(bucket).overrideConfiguration(aws.callContext().awsOverrides())).join();
    }

    void put(String bucket, String key, byte[] body, String contentType) {
        put(bucket, key, body, contentType, Map.of());
    }

    void put(String bucket, String key, byte[] body, String contentType, Map<String, String> metadata) {
        admin.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).metadata(metadata)
                .overrideConfiguration(aws.callContext().awsOverrides()), AsyncRequestBody.fromBytes(body)).join();
    }

    void putPolicy(String bucket, String policy) {
        admin.putBucketPolicy(b -> b.bucket(bucket).policy(policy)
                .overrideConfiguration(aws.callContext().awsOverrides())).join();
    }

    @Override
    public void close() {
        toolset.close();
        admin.close();
    }
}
