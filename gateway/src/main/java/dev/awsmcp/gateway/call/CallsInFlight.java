package dev.awsmcp.gateway.call;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The toolset calls running now, by correlation id, so that a shutdown whose drain time ran out can
 * answer each one itself (the answer then goes through the same audit step as any other) instead of
 * cutting it off without a record.
 *
 * @param <R> what a call answers
 */
final class CallsInFlight<R> {

    private final Map<String, CompletableFuture<R>> calls = new ConcurrentHashMap<>();

    /** Tracks {@code call} until it completes; returns it. */
    CompletableFuture<R> track(String correlationId, CompletableFuture<R> call) {
        calls.put(correlationId, call);
        call.whenComplete((r, e) -> calls.remove(correlationId, call));
        return call;
    }

    /** Answers every call still running with the result {@code answer} makes of its correlation id; returns how many. */
    int stopAll(java.util.function.Function<String, R> answer) {
        int stopped = 0;
        for (Map.Entry<String, CompletableFuture<R>> call : Map.copyOf(calls).entrySet()) {
            if (call.getValue().complete(answer.apply(call.getKey()))) {
                stopped++;
            }
        }
        return stopped;
    }

    int size() {
        return calls.size();
    }
}
