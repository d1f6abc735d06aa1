package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures, not assertions: ping round trips on an idle gateway and while four clients send 1 MB
 * tools/call bodies of about 90,000 properties each (read, then refused by limits.maxArgumentValues).
 * Issue #16 measured pings going from about 1 ms to 693 ms under that load when the bodies were parsed and
 * validated on the event loop. Run with
 * {@code mvn -o -pl gateway -am test -Dtest=LargeArgumentsBench -Dsurefire.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class LargeArgumentsBench {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}";

    @Test
    void pingsWhileLargeBodiesArrive() throws Exception {
        try (RunningGateway gateway = RunningGateway.echo("")) {
            McpHttp http = new McpHttp(gateway.url());
            String session = http.initialize();
            String big = LargeArgumentsTest.manyKeys(5, 1_000_000);
            List<Long> idle = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                idle.add(ping(http, session));
            }
            ExecutorService senders = Executors.newFixedThreadPool(4);
            List<Long> loaded = new ArrayList<>();
            List<Long> bigs = Collections.synchronizedList(new ArrayList<>());
            try {
                for (int round = 0; round < 5; round++) {
                    List<CompletableFuture<Void>> sent = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        sent.add(CompletableFuture.runAsync(() -> bigs.add(timed(() -> http.post(big, "Mcp-Session-Id", session))), senders));
                    }
                    while (!sent.stream().allMatch(CompletableFuture::isDone)) {
                        loaded.add(ping(http, session));
                    }
                }
            } finally {
                senders.shutdownNow();
            }
            System.out.printf("BENCH pings idle: %s; pings during 4 concurrent 1 MB bodies: %s; the bodies: %s; load average %.1f%n",
                    summary(idle), summary(loaded), summary(bigs), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    private interface Request {
        Object send() throws Exception;
    }

    private static long timed(Request request) {
        long start = System.nanoTime();
        try {
            request.send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1_000;
    }

    private static long ping(McpHttp http, String session) {
        return timed(() -> http.post(PING, "Mcp-Session-Id", session));
    }

    private static String summary(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format("n=%d p50=%.1fms p99=%.1fms max=%.1fms", sorted.size(), at(sorted, 50) / 1000.0, at(sorted, 99) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static long at(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }
}
