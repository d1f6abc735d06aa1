package dev.awsmcp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A full queue refuses new calls (policy refuse) or makes them wait (block); accepted records are all written. */
class AuditLogOverloadTest {

    /** A sink that takes 20 ms per line, much slower than the callers. */
    static final class SlowSink implements AuditSink {
        final List<Long> written = new CopyOnWriteArrayList<>();

        @Override
        public String describe() {
            return "slow";
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public void write(AuditLine line) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(line.sequence());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static AuditEvent event(int i) {
        return SessionRecord.start("s" + i, "p", Set.of(), null);
    }

    @Test
    void refusesWhenFullAndWritesEveryAcceptedRecord() {
        SlowSink sink = new SlowSink();
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        int refused = 0;
        try (AuditLog log = AuditLog.start(List.of(sink), 4, OverloadPolicy.REFUSE)) {
            for (int i = 0; i < 40; i++) {
                try {
                    AuditLog.Reservation slot = log.reserve().toCompletableFuture().join();
                    accepted.add(log.append(slot, event(i)).toCompletableFuture());
                } catch (CompletionException e) {
                    assertThat(e.getCause()).isInstanceOf(AuditException.class);
                    assertThat(((AuditException) e.getCause()).reason()).isEqualTo(AuditException.Reason.OVERLOADED);
                    refused++;
                }
            }
            CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
        }
        assertThat(refused).isGreaterThan(0);
        assertThat(sink.written).hasSize(accepted.size());
        assertThat(sink.written).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, accepted.size()).boxed().toList());
    }

    @Test
    void blockPolicyMakesCallersWaitInsteadOfRefusing() {
        SlowSink sink = new SlowSink();
        List<CompletableFuture<Void>> appended = new ArrayList<>();
        try (AuditLog log = AuditLog.start(List.of(sink), 2, OverloadPolicy.BLOCK)) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                appended.add(log.reserve().thenCompose(slot -> log.append(slot, event(n))).toCompletableFuture());
            }
            CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
        }
        assertThat(sink.written).hasSize(20);
    }
}
