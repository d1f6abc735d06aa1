package dev.awsmcp.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A current MCP client SDK running one scenario of e2e/ against a gateway: {@code e2e/py-client.py} (PyPI
 * {@code mcp}, from e2e/.venv) or {@code e2e/ts-client-v2.mjs} ({@code @modelcontextprotocol/client}), in one
 * negotiation mode ({@code legacy}, {@code auto} or a pinned modern version). Both print one JSON object;
 * {@link Answer} reads it. e2e/README.md lists the scenarios and their arguments.
 */
public record ScenarioClient(Sdk sdk, String mode) {

    private static final long TIMEOUT_SECONDS = 60;

    /** The client programs, run from the repository root (scripts/install-test-deps.sh installs them). */
    public enum Sdk {
        PYTHON("e2e/.venv/bin/python", "e2e/py-client.py"),
        TYPESCRIPT("node", "e2e/ts-client-v2.mjs");

        private final List<String> program;

        Sdk(String... program) {
            this.program = List.of(program);
        }
    }

    /** Every SDK in each of {@code modes}, for {@code @MethodSource}. */
    public static Stream<ScenarioClient> each(String... modes) {
        return Arrays.stream(modes).flatMap(mode -> Arrays.stream(Sdk.values()).map(sdk -> new ScenarioClient(sdk, mode)));
    }

    /** The era this mode must end in against a gateway that serves both: legacy only when asked for. */
    public String expectedEra() {
        return mode.equals("legacy") ? "legacy" : "modern";
    }

    /** Runs {@code scenario} to the end; fails with the client's output unless it printed its answer. */
    public Answer run(URI url, String token, String scenario, Map<String, ?> args) {
        return answer(execute(command(url, token, scenario, args, null)));
    }

    /**
     * Starts {@code scenario} in the background and returns once the client says it is ready for the test
     * to act ({@code --ready-file}), e.g. a listen stream the server acknowledged.
     */
    public Started start(URI url, String token, String scenario, Map<String, ?> args) throws IOException, InterruptedException {
        Path ready = Files.createTempDirectory("scenario-client").resolve("ready");
        CompletableFuture<ExternalCommand.Outcome> run = CompletableFuture.supplyAsync(() -> execute(command(url, token, scenario, args, ready)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.exists(ready) && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.exists(ready)).as("%s %s never got ready:%n%s", this, scenario,
                run.isDone() ? run.join().transcript() : "(still running)").isTrue();
        return new Started(run);
    }

    /** A scenario started in the background. */
    public final class Started {
        private final CompletableFuture<ExternalCommand.Outcome> run;

        private Started(CompletableFuture<ExternalCommand.Outcome> run) {
            this.run = run;
        }

        /** Waits for the client to finish and reads its answer. */
        public Answer answer() {
            return ScenarioClient.this.answer(run.join());
        }
    }

    /** What a client printed: the negotiated version and era, and the scenario's result. */
    public record Answer(JsonNode json, String transcript) {
        public String era() {
            return json.path("era").asText();
        }

        public String protocolVersion() {
            return json.path("protocolVersion").asText();
        }

        public JsonNode result() {
            return json.path("result");
        }

        /** The tool result of the scenario's call, in its wire shape (isError, structuredContent, _meta, content). */
        public JsonNode call() {
            return result().path("call");
        }
    }

    private List<String> command(URI url, String token, String scenario, Map<String, ?> args, Path readyFile) {
        List<String> command = new ArrayList<>(sdk.program);
        command.addAll(List.of("--url", url.toString(), "--token", token, "--mode", mode, "--scenario", scenario,
                "--args", Json.mapper().valueToTree(args).toString()));
        if (readyFile != null) {
            command.addAll(List.of("--ready-file", readyFile.toString()));
        }
        return command;
    }

    private ExternalCommand.Outcome execute(List<String> command) {
        try {
            return ExternalCommand.run(ExternalCommand.repositoryRoot(), TIMEOUT_SECONDS, command);
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": cannot run " + command + " (run scripts/install-test-deps.sh)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer answer(ExternalCommand.Outcome outcome) {
        assertThat(outcome.exitCode()).as("%s:%n%s", this, outcome.transcript()).isZero();
        try {
            return new Answer(Json.mapper().readTree(outcome.stdout()), outcome.transcript());
        } catch (IOException e) {
            throw new AssertionError(this + " printed no JSON:\n" + outcome.transcript(), e);
        }
    }

    @Override
    public String toString() {
        return sdk.name().toLowerCase(Locale.ROOT) + " " + mode;
    }
}
