package dev.awsmcp.toolset.s3;

import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.ToolsetHarness;
import java.util.Map;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** An S3 toolset on local AWS plus a direct client to seed buckets; one per test class. */
final class S3Fixture extends ToolsetHarness {

    final S3AsyncClient admin;

    S3Fixture(LocalAws aws) {
        super(aws, new S3ToolsetFactory(), "s3", "s3");
        this.admin = aws.toolsetContext().buildClient(S3AsyncClient.builder().forcePathStyle(true).addPlugin(new NoExpectContinuePlugin()),
                aws.toolsetConfig("admin", "s3", null));
    }

    void createBucket(String bucket) {
        admin.createBucket(b -> b.bucket(bucket).overrideConfiguration(overrides())).join();
    }

    void put(String bucket, String key, byte[] body, String contentType) {
        put(bucket, key, body, contentType, Map.of());
    }

    void put(String bucket, String key, byte[] body, String contentType, Map<String, String> metadata) {
        admin.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).metadata(metadata)
                .overrideConfiguration(overrides()), AsyncRequestBody.fromBytes(body)).join();
    }

    void putPolicy(String bucket, String policy) {
        admin.putBucketPolicy(b -> b.bucket(bucket).policy(policy)
                .overrideConfiguration(overrides())).join();
    }

    @Override
    public void close() {
        super.close();
        admin.close();
    }
}
