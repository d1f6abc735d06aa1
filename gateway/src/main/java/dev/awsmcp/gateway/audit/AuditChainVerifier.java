package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks audit files against the hash chain: every line must carry the next sequence number and the
 * hash of the line before it; a trail starting at {@code seq} 1 must start from the genesis hash.
 * Files are read in the order given (oldest first: {@code audit.jsonl.2 audit.jsonl.1 audit.jsonl}),
 * so the chain is checked across rotation. Reports the first broken line with its file and line number.
 */
public final class AuditChainVerifier {

    /**
     * What a check found.
     *
     * @param records lines checked
     * @param firstSequence the {@code seq} of the first line (0 when there was none)
     * @param head where the checked trail ends (null when empty or broken)
     * @param problem the first problem, {@code file:line: what}; null when the chain is intact
     */
    public record Result(long records, long firstSequence, ChainLink head, String problem) {
        public boolean intact() {
            return problem == null;
        }
    }

    private long records;
    private long firstSequence;
    private long expected;
    private String previousHash;

    private AuditChainVerifier() {
    }

    /** Checks {@code files} in order as one trail. */
    public static Result verify(List<Path> files) throws IOException {
        AuditChainVerifier verifier = new AuditChainVerifier();
        for (Path file : files) {
            String problem = verifier.check(file);
            if (problem != null) {
                return new Result(verifier.records, verifier.firstSequence, null, problem);
            }
        }
        ChainLink head = verifier.records == 0 ? null : new ChainLink(verifier.expected - 1, verifier.previousHash);
        return new Result(verifier.records, verifier.firstSequence, head, null);
    }

    private String check(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String problem = checkLine(line, number);
                if (problem != null) {
                    return file + ":" + number + ": " + problem;
                }
            }
        }
        return null;
    }

    private String checkLine(String line, long number) {
        JsonNode record;
        try {
            record = Json.mapper().readTree(line);
        } catch (IOException e) {
            return "line " + number + " is not JSON (edited, truncated or inserted)";
        }
        if (record == null || !record.path("seq").canConvertToLong() || !record.path("prev").isTextual()) {
            return "line " + number + " has no seq and prev: not an audit record (edited or inserted)";
        }
        long sequence = record.get("seq").asLong();
        String prev = record.get("prev").asText();
        String problem = previousHash == null ? checkFirst(sequence, prev, number) : checkNext(sequence, prev, number);
        if (problem != null) {
            return problem;
        }
        if (records == 0) {
            firstSequence = sequence;
        }
        records++;
        expected = sequence + 1;
        previousHash = HashChain.hashOf(line);
        return null;
    }

    private static String checkFirst(long sequence, String prev, long number) {
        if (sequence == 1 && !HashChain.GENESIS_HASH.equals(prev)) {
            return "line " + number + " (seq 1) does not start from the genesis hash: edited or replaced";
        }
        return null;
    }

    private String checkNext(long sequence, String prev, long number) {
        if (sequence > expected) {
            return "line " + number + " has seq " + sequence + " where " + expected + " was expected: "
                    + (sequence - expected) + " record(s) deleted before this line, or lines reordered";
        }
        if (sequence < expected) {
            return "line " + number + " has seq " + sequence + " where " + expected + " was expected: "
                    + "lines reordered, duplicated or inserted";
        }
        if (!prev.equals(previousHash)) {
            return "line " + number + " does not carry the hash of line " + (number - 1) + ": line " + (number - 1)
                    + " was edited, or a line was inserted or deleted there";
        }
        return null;
    }
}
