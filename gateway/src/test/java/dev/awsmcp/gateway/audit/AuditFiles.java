package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reading audit files in tests. */
public final class AuditFiles {

    private AuditFiles() {
    }

    /** Every record of {@code file}, parsed. */
    public static List<JsonNode> records(Path file) {
        try {
            return Files.readAllLines(file).stream().map(AuditFiles::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of {@code file} of the given type. */
    public static List<JsonNode> records(Path file, String type) {
        return records(file).stream().filter(r -> type.equals(r.path("type").asText())).toList();
    }

    /** The first record of {@code file} of the given type that {@code matches}, waiting up to 10 seconds for the audit queue to write it. */
    public static JsonNode await(Path file, String type, Predicate<JsonNode> matches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            Optional<JsonNode> found = records(file, type).stream().filter(matches).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no matching " + type + " record in " + file + " after 10 s");
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code audit verify FILES...} through the real command line; returns the exit code and output. */
    public static Run verify(Path... files) {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = dev.awsmcp.gateway.cli.GatewayCommand.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        String[] args = new String[files.length + 2];
        args[0] = "audit";
        args[1] = "verify";
        for (int i = 0; i < files.length; i++) {
            args[i + 2] = files[i].toString();
        }
        int code = cli.execute(args);
        return new Run(code, out.toString());
    }

    public record Run(int exitCode, String output) {
    }
}
