package dev.awsmcp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit verify} finds edited, deleted, reordered and inserted lines and names the line. */
class AuditChainVerifierTest {

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void writeTrail() throws IOException {
        file = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.start(List.of(new FileAuditSink(file, true, 1 << 20, 3)), 100, OverloadPolicy.REFUSE)) {
            for (int i = 0; i < 10; i++) {
                log.append(SessionRecord.start("s" + i, "apikey:test", Set.of(), new ClientInfo("c", "1"))).toCompletableFuture().join();
            }
        }
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file));
    }

    @Test
    void intactTrailVerifiesFromGenesis() {
        AuditFiles.Run run = AuditFiles.verify(file);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("OK: 10 record(s), seq 1..10, chain intact from genesis");
        assertThat(AuditFiles.records(file).get(0).get("prev").asText()).isEqualTo(HashChain.GENESIS_HASH);
    }

    @Test
    void charactersOutsideTheBmpAndUnpairedSurrogatesAreWrittenWithoutLossAndVerify() throws IOException {
        Path other = dir.resolve("unicode.jsonl");
        try (AuditLog log = AuditLog.start(List.of(new FileAuditSink(other, true, 1 << 20, 3)), 100, OverloadPolicy.REFUSE)) {
            log.append(SessionRecord.start("s-\uD83D\uDE00", "apikey:test", Set.of(), new ClientInfo("c\uD800", "1\uDC00x")))
                    .toCompletableFuture().join();
            log.append(SessionRecord.start("s2", "apikey:test", Set.of(), new ClientInfo("c", "1"))).toCompletableFuture().join();
        }
        String first = Files.readAllLines(other).get(0);
        // An emoji as its four UTF-8 bytes, as before; an unpaired surrogate (no UTF-8 form) as an escape, not "?".
        assertThat(first).contains("s-\uD83D\uDE00").doesNotContain("?").contains("c\\uD800").contains("1\\uDC00x");
        assertThat(AuditFiles.records(other).get(0).path("client").path("name").asText()).isEqualTo("c\uD800");
        AuditFiles.Run run = AuditFiles.verify(other);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("OK: 2 record(s)");
    }

    @Test
    void detectsAnEditedLine() throws IOException {
        List<String> lines = lines();
        lines.set(3, lines.get(3).replace("\"s3\"", "\"s9\""));
        Files.write(file, lines);
        AuditFiles.Run run = AuditFiles.verify(file);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(file + ":5: line 5 does not carry the hash of line 4: line 4 was edited");
    }

    @Test
    void detectsADeletedLine() throws IOException {
        List<String> lines = lines();
        lines.remove(3);
        Files.write(file, lines);
        AuditFiles.Run run = AuditFiles.verify(file);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(":4: line 4 has seq 5 where 4 was expected: 1 record(s) deleted");
    }

    @Test
    void detectsSwappedLines() throws IOException {
        List<String> lines = lines();
        Collections.swap(lines, 5, 6);
        Files.write(file, lines);
        AuditFiles.Run run = AuditFiles.verify(file);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(":6: line 6 has seq 7 where 6 was expected");
    }

    @Test
    void detectsAnInsertedLine() throws IOException {
        List<String> lines = lines();
        lines.add(2, lines.get(2));
        Files.write(file, lines);
        AuditFiles.Run run = AuditFiles.verify(file);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(":4: line 4 has seq 3 where 4 was expected: lines reordered, duplicated or inserted");
    }

    @Test
    void detectsAReplacedFirstLine() throws IOException {
        List<String> lines = lines();
        lines.set(0, lines.get(0).replace(HashChain.GENESIS_HASH, "0".repeat(64)));
        Files.write(file, lines);
        assertThat(AuditFiles.verify(file).output()).contains(":1: line 1 (seq 1) does not start from the genesis hash");
    }
}
