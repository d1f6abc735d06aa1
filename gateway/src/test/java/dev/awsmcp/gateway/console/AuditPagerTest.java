package dev.awsmcp.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.AuditChainVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paging the audit trail by byte offset: a large generated file (tens of MiB, written as the gateway writes it) is
 * paged, searched by time and by sequence number while reading only a small part of it; cursors walk a rotated
 * trail without gaps or repeats and survive a rotation that happens between two pages.
 */
class AuditPagerTest {

    private static final int LARGE = 80_000;
    private static final Duration SLACK = Duration.ofMinutes(1);

    @TempDir
    static Path largeDir;
    private static AuditTrailFiles large;

    @BeforeAll
    static void writeALargeTrail() throws IOException {
        Path file = largeDir.resolve("audit.jsonl");
        new GeneratedTrail().write(file, LARGE);
        assertThat(Files.size(file)).as("a file far larger than one page's scan budget").isGreaterThan(3 * AuditPager.MAX_SCAN_BYTES);
        large = new AuditTrailFiles(file, 10);
    }

    private static AuditQuery query(String... pairs) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return AuditQuery.parse(parameters);
    }

    private static List<Long> sequences(AuditPager.Page page) {
        return page.records().stream().map(r -> r.get("seq").asLong()).toList();
    }

    @Test
    void theNewestPageOfALargeFileReadsOnlyItsEnd() throws IOException {
        AuditPager.Page page = new AuditPager(large, SLACK).page(query("limit", "50"));
        assertThat(sequences(page)).hasSize(50).first().isEqualTo((long) LARGE);
        assertThat(sequences(page)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page.scannedBytes()).isLessThan(256 * 1024);
        assertThat(page.cursor()).isNotNull();

        AuditPager.Page next = new AuditPager(large, SLACK).page(query("limit", "50", "cursor", page.cursor()));
        assertThat(sequences(next).get(0)).isEqualTo(LARGE - 50L);
        assertThat(next.scannedBytes()).isLessThan(256 * 1024);
    }

    @Test
    void aTimeWindowInTheMiddleIsFoundByBinarySearchNotByReadingUpToIt() throws IOException {
        long from = LARGE / 2;
        AuditPager.Page page = new AuditPager(large, SLACK).page(query("since", GeneratedTrail.time(from).toString(),
                "until", GeneratedTrail.time(from + 99).toString(), "limit", "200"));
        assertThat(sequences(page)).hasSize(100).first().isEqualTo(from + 99);
        assertThat(sequences(page)).last().isEqualTo(from);
        assertThat(page.cursor()).as("the scan stops past the window's start").isNull();
        assertThat(page.scannedBytes()).as("a few hundred records and the search, not the half of the file before them").isLessThan(1024 * 1024);
    }

    @Test
    void aRecordIsFoundByItsSequenceNumberByBinarySearch() throws IOException {
        AuditPager pager = new AuditPager(large, SLACK);
        assertThat(pager.record(12_345).map(r -> r.get("correlation_id").asText())).contains("corr-12345");
        assertThat(pager.record(1).map(r -> r.get("seq").asLong())).contains(1L);
        assertThat(pager.record(LARGE).map(r -> r.get("seq").asLong())).contains((long) LARGE);
        assertThat(pager.record(LARGE + 1)).isEmpty();
    }

    @Test
    void aRareMatchStopsAtTheScanBudgetAndTheCursorReadsOn() throws IOException {
        AuditPager pager = new AuditPager(large, SLACK);
        AuditPager.Page page = pager.page(query("principal", GeneratedTrail.RARE_PRINCIPAL));
        assertThat(page.records()).isEmpty();
        assertThat(page.scanLimited()).isTrue();
        assertThat(page.scannedBytes()).isBetween(AuditPager.MAX_SCAN_BYTES, AuditPager.MAX_SCAN_BYTES + 128 * 1024);
        List<ObjectNode> found = new ArrayList<>();
        int pages = 1;
        while (page.cursor() != null) {
            page = pager.page(query("principal", GeneratedTrail.RARE_PRINCIPAL, "cursor", page.cursor()));
            found.addAll(page.records());
            pages++;
        }
        assertThat(found).singleElement().satisfies(r -> assertThat(r.get("seq").asLong()).isEqualTo(3));
        assertThat(pages).isBetween(3, 8);
    }

    @Test
    void cursorsWalkARotatedTrailWithoutGapsOrRepeats(@TempDir Path dir) throws IOException {
        Path live = dir.resolve("audit.jsonl");
        GeneratedTrail trail = new GeneratedTrail();
        trail.write(dir.resolve("audit.jsonl.2"), 700).write(dir.resolve("audit.jsonl.1"), 650).write(live, 333);
        AuditTrailFiles files = new AuditTrailFiles(live, 10);
        assertThat(AuditChainVerifier.verify(files.paths()).intact()).isTrue();

        List<Long> seen = walk(new AuditPager(files, SLACK), query("limit", "64", "type", "any"));
        assertThat(seen).hasSize(1683).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seen.get(0)).isEqualTo(1683);

        List<Long> denied = walk(new AuditPager(files, SLACK), query("limit", "50", "decision", "denied"));
        assertThat(denied).hasSize(1683 / 7).allMatch(seq -> seq % 7 == 0);
    }

    private static List<Long> walk(AuditPager pager, AuditQuery first) throws IOException {
        List<Long> seen = new ArrayList<>();
        AuditQuery query = first;
        while (true) {
            AuditPager.Page page = pager.page(query);
            seen.addAll(sequences(page));
            if (page.cursor() == null) {
                return seen;
            }
            query = new AuditQuery(first.since(), first.until(), first.limit(), page.cursor(), first.conditions());
        }
    }

    @Test
    void aCursorSurvivesARotationBetweenTwoPages(@TempDir Path dir) throws IOException {
        Path live = dir.resolve("audit.jsonl");
        GeneratedTrail trail = new GeneratedTrail().write(live, 300);
        AuditPager pager = new AuditPager(new AuditTrailFiles(live, 10), SLACK);
        AuditPager.Page first = pager.page(query("limit", "100"));
        assertThat(sequences(first).get(0)).isEqualTo(300);

        Files.move(live, dir.resolve("audit.jsonl.1"));
        trail.write(live, 50);
        AuditPager.Page second = pager.page(query("limit", "100", "cursor", first.cursor()));
        assertThat(sequences(second)).hasSize(100).first().isEqualTo(200L);
    }

    @Test
    void aCursorIntoAFileRotatedAwayIsGoneAndAForeignCursorIsRefused(@TempDir Path dir) throws IOException {
        Path live = dir.resolve("audit.jsonl");
        new GeneratedTrail().write(live, 100);
        AuditPager pager = new AuditPager(new AuditTrailFiles(live, 10), SLACK);
        assertThatThrownBy(() -> pager.page(query("cursor", "999@10")))
                .isInstanceOfSatisfying(BadConsoleRequestException.class, e -> assertThat(e.status()).isEqualTo(410))
                .hasMessageContaining("rotated away");
        assertThatThrownBy(() -> pager.page(query("cursor", "1@99999999"))).hasMessageContaining("points past the end");
        assertThatThrownBy(() -> pager.page(query("cursor", "garbage"))).hasMessageContaining("not a cursor this console gave");
    }

    @Test
    void aLineStillBeingWrittenIsLeftOutAndAnEditedLineIsSkipped(@TempDir Path dir) throws IOException {
        Path live = dir.resolve("audit.jsonl");
        new GeneratedTrail().write(live, 20);
        List<String> lines = new ArrayList<>(Files.readAllLines(live));
        lines.set(9, "this is not a record");
        Files.write(live, lines);
        Files.writeString(live, "{\"seq\":21,\"prev\":\"abc\",\"ts\":\"2026-03-01T00:00:21Z\",\"type\":\"tool_c", StandardOpenOption.APPEND);

        AuditPager.Page page = new AuditPager(new AuditTrailFiles(live, 10), SLACK).page(query("limit", "100"));
        assertThat(sequences(page)).hasSize(19).first().isEqualTo(20L);
        assertThat(sequences(page)).doesNotContain(10L);
        JsonNode record = page.records().get(0);
        assertThat(record.get("principal").asText()).isEqualTo("apikey:agent-0");
    }
}
