package dev.awsmcp.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a program nobody here wrote (Node clients, the conformance suite) to completion, bounded in time. */
public final class ExternalCommand {

    /** What the program did. */
    public record Outcome(int exitCode, String stdout, String stderr) {
        /** Everything printed, for assertion messages. */
        public String transcript() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private ExternalCommand() {
    }

    /** The repository root (tests run with the gateway module as working directory). */
    public static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return dir.resolve("e2e").toFile().isDirectory() ? dir : dir.getParent();
    }

    /** Runs {@code command} in {@code directory}; kills it after {@code timeoutSeconds}. */
    public static Outcome run(Path directory, long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        return run(directory, timeoutSeconds, command, java.util.Map.of());
    }

    /** Runs {@code command} in {@code directory} with {@code env} added to this JVM's environment; kills it after {@code timeoutSeconds}. */
    public static Outcome run(Path directory, long timeoutSeconds, List<String> command, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + "s; output so far:\n" + out.getNow(""));
        }
        return new Outcome(process.exitValue(), out.join(), err.join());
    }

    /** The Python interpreter the test tools were installed for ({@code PYTHON}, as scripts/install-test-deps.sh reads it). */
    public static String python() {
        String python = System.getenv("PYTHON");
        return python == null || python.isBlank() ? "python3" : python;
    }

    /** Runs the gateway's command line ({@code args}) in a JVM of its own on this test classpath, from the repository root. */
    public static Outcome gateway(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.awsmcp.gateway.cli.GatewayCommand"));
        command.addAll(List.of(args));
        return run(repositoryRoot(), 120, command, env);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
