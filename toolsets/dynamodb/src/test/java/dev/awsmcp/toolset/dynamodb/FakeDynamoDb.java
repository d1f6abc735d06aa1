package dev.awsmcp.toolset.dynamodb;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

/**
 * A narrow fake at the SDK boundary for behaviour moto cannot show (UnprocessedKeys, PartiQL
 * paging): answers queued responses and records the requests. Any other operation throws.
 */
final class FakeDynamoDb implements DynamoDbAsyncClient {

    final List<BatchGetItemRequest> batchRequests = new ArrayList<>();
    final List<ExecuteStatementRequest> statementRequests = new ArrayList<>();
    final Deque<BatchGetItemResponse> batchResponses = new ArrayDeque<>();
    final Deque<ExecuteStatementResponse> statementResponses = new ArrayDeque<>();

    @Override
    public CompletableFuture<BatchGetItemResponse> batchGetItem(BatchGetItemRequest request) {
        batchRequests.add(request);
        return CompletableFuture.completedFuture(batchResponses.removeFirst());
    }

    @Override
    public CompletableFuture<ExecuteStatementResponse> executeStatement(ExecuteStatementRequest request) {
        statementRequests.add(request);
        return CompletableFuture.completedFuture(statementResponses.removeFirst());
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
