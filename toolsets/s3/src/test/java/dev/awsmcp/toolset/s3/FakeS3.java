package dev.awsmcp.toolset.s3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * A narrow fake at the SDK boundary for behaviour moto cannot show (ListBuckets continuation tokens,
 * throttling, timeouts): answers queued responses or failures and records the requests. Any other
 * operation throws.
 */
final class FakeS3 implements S3AsyncClient {

    final List<ListBucketsRequest> listBucketsRequests = new ArrayList<>();
    final Deque<ListBucketsResponse> listBucketsResponses = new ArrayDeque<>();
    final List<HeadObjectRequest> headRequests = new ArrayList<>();
    Throwable headFailure;

    @Override
    public CompletableFuture<ListBucketsResponse> listBuckets(ListBucketsRequest request) {
        listBucketsRequests.add(request);
        return CompletableFuture.completedFuture(listBucketsResponses.removeFirst());
    }

    @Override
    public CompletableFuture<HeadObjectResponse> headObject(HeadObjectRequest request) {
        headRequests.add(request);
        return CompletableFuture.failedFuture(headFailure);
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }
}
