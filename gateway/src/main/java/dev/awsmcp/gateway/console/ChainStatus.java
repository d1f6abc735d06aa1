package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.AuditChainVerifier;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash chain of the audit files, checked as {@code audit verify} checks it (every file, oldest first, whole).
 * The answer is kept while the files are unchanged; since every call appends to the live file, a changed trail is
 * checked again at most every {@link #REUSE} unless a fresh check is asked for. Blocking (it reads every file):
 * call it on a worker thread, one check at a time.
 */
final class ChainStatus {

    /** How long an answer is reused while only appends may have happened. */
    static final Duration REUSE = Duration.ofSeconds(30);

    private record Checked(List<String> files, Instant at, ObjectNode answer) {
    }

    private final AuditTrailFiles trail;
    private final Clock clock;
    private Checked last;

    ChainStatus(AuditTrailFiles trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * {@code {status: intact|broken|empty, records, firstSequence, lastSequence, lastHash, fromGenesis, problem, files,
     * checkedAt}}; {@code fresh} checks again whatever was checked before.
     */
    synchronized ObjectNode status(boolean fresh) throws IOException {
        List<Path> paths = trail.paths();
        List<String> files = fingerprint(paths);
        Instant now = clock.instant();
        if (last != null && !fresh && (last.files().equals(files) || last.at().plus(REUSE).isAfter(now))) {
            return last.answer();
        }
        AuditChainVerifier.Result result = AuditChainVerifier.verify(paths);
        last = new Checked(files, now, answer(result, paths, now));
        return last.answer();
    }

    private static List<String> fingerprint(List<Path> paths) throws IOException {
        List<String> files = new ArrayList<>();
        for (Path path : paths) {
            files.add(path + ":" + Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis());
        }
        return files;
    }

    private ObjectNode answer(AuditChainVerifier.Result result, List<Path> paths, Instant now) {
        ObjectNode json = Json.object();
        json.put("status", !result.intact() ? "broken" : result.records() == 0 ? "empty" : "intact");
        json.put("records", result.records());
        if (result.intact() && result.records() > 0) {
            json.put("firstSequence", result.firstSequence());
            json.put("lastSequence", result.head().sequence());
            json.put("lastHash", result.head().hash());
            json.put("fromGenesis", result.firstSequence() == 1);
        }
        if (!result.intact()) {
            json.put("problem", result.problem());
        }
        ArrayNode names = json.putArray("files");
        paths.forEach(p -> names.add(p.toString()));
        json.put("checkedAt", now.toString());
        json.put("command", "audit verify " + String.join(" ", paths.stream().map(Path::toString).toList()));
        return json;
    }
}
