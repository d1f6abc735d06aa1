package dev.awsmcp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink rotates by size and the chain continues across rotation and restarts. */
class FileAuditSinkTest {

    @TempDir
    Path dir;

    private static void write(AuditLog log, int count) {
        for (int i = 0; i < count; i++) {
            log.append(SessionRecord.start("session-" + i, "apikey:test", Set.of("g"), new ClientInfo("client", "1.0")))
                    .toCompletableFuture().join();
        }
    }

    @Test
    void rotationKeepsTheChainAcrossFiles() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        FileAuditSink sink = new FileAuditSink(file, true, 4096, 5);
        try (AuditLog log = AuditLog.start(List.of(sink), 100, OverloadPolicy.REFUSE)) {
            write(log, 60);
        }
        assertThat(sink.rotated(1)).exists();
        assertThat(sink.rotated(2)).exists();
        assertThat(Files.size(sink.rotated(1))).isLessThanOrEqualTo(4096);
        List<JsonNode> current = AuditFiles.records(file);
        List<String> previous = Files.readAllLines(sink.rotated(1));
        assertThat(current.get(0).get("prev").asText()).isEqualTo(HashChain.hashOf(previous.get(previous.size() - 1)));

        int rotated = 0;
        while (Files.exists(sink.rotated(rotated + 1))) {
            rotated++;
        }
        Path[] oldestFirst = new Path[rotated + 1];
        for (int i = 0; i < rotated; i++) {
            oldestFirst[i] = sink.rotated(rotated - i);
        }
        oldestFirst[rotated] = file;
        AuditFiles.Run run = AuditFiles.verify(oldestFirst);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(AuditFiles.verify(file).exitCode()).as("the newest file alone verifies from its anchor").isZero();
        assertThat(current.get(current.size() - 1).get("seq").asLong()).isEqualTo(60);
    }

    @Test
    void restartContinuesTheChain() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.start(List.of(new FileAuditSink(file, true, 1 << 20, 2)), 10, OverloadPolicy.REFUSE)) {
            write(log, 3);
        }
        try (AuditLog log = AuditLog.start(List.of(new FileAuditSink(file, false, 1 << 20, 2)), 10, OverloadPolicy.REFUSE)) {
            write(log, 2);
        }
        List<JsonNode> records = AuditFiles.records(file);
        assertThat(records).extracting(r -> r.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(AuditFiles.verify(file).exitCode()).isZero();
    }
}
