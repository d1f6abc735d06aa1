package dev.awsmcp.toolset.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

/**
 * A narrow fake at the SDK boundary for what moto cannot show: invoke with a LogResult, a
 * FunctionError, or a ResourceNotFoundException (moto answers 200 for a missing function), and
 * ListFunctions honouring MaxItems and Marker as AWS does (moto returns everything at once). Answers
 * queued outcomes (a response or an exception) and records requests; any other operation throws.
 */
final class FakeLambda implements LambdaAsyncClient {

    final List<InvokeRequest> invokeRequests = new ArrayList<>();
    final Deque<Object> invokeOutcomes = new ArrayDeque<>();
    final List<ListFunctionsRequest> listRequests = new ArrayList<>();
    final List<String> functions = new ArrayList<>();

    @Override
    public CompletableFuture<InvokeResponse> invoke(InvokeRequest request) {
        invokeRequests.add(request);
        Object outcome = invokeOutcomes.removeFirst();
        return outcome instanceof Throwable failure
                ? CompletableFuture.failedFuture(failure)
                : CompletableFuture.completedFuture((InvokeResponse) outcome);
    }

    /** Pages {@link #functions} like AWS: at most MaxItems entries, the marker being the next index. */
    @Override
    public CompletableFuture<ListFunctionsResponse> listFunctions(ListFunctionsRequest request) {
        listRequests.add(request);
        int from = request.marker() == null ? 0 : Integer.parseInt(request.marker());
        int to = Math.min(functions.size(), from + request.maxItems());
        List<FunctionConfiguration> page = functions.subList(from, to).stream()
                .map(name -> FunctionConfiguration.builder().functionName(name).runtime("python3.12").build()).toList();
        return CompletableFuture.completedFuture(ListFunctionsResponse.builder().functions(page)
                .nextMarker(to < functions.size() ? String.valueOf(to) : null).build());
    }

    @Override
    public String serviceName() {
        return "lambda";
    }

    @Override
    public void close() {
    }
}
