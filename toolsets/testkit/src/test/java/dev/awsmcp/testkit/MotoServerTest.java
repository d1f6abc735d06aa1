package dev.awsmcp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoServerTest {

    @TempDir
    Path logs;

    @Test
    void startsOnAFreePortAndAnswersUntilClosed() throws Exception {
        MotoServer server = MotoServer.start(MotoServerOptions.DEFAULT.withLogDirectory(logs));
        try {
            assertThat(server.port()).isPositive();
            assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
            assertThat(get(server.endpoint().resolve("/moto-api/"))).isEqualTo(200);
            assertThat(server.logFile()).startsWith(logs).exists();
        } finally {
            server.close();
        }
        assertThat(server.isRunning()).isFalse();
        server.close(); // idempotent
    }

    @Test
    void missingPythonGivesADistinctMessageWithTheInstallHint() {
        MotoServerOptions options = MotoServerOptions.DEFAULT.withPython("/nonexistent/python3").withLogDirectory(logs);

        assertThatThrownBy(() -> MotoServer.start(options))
                .isInstanceOf(MotoServerException.class)
                .hasMessageStartingWith("Python 3 not found: cannot run '/nonexistent/python3'")
                .hasMessageContaining("pip install 'moto[server]'");
    }

    @Test
    void missingMotoModuleGivesTheInstallHint() throws IOException {
        // A stand-in interpreter that fails the way python3 does without moto installed.
        Path fakePython = logs.resolve("python-without-moto");
        Files.writeString(fakePython, "#!/bin/sh\necho \"/usr/bin/python3: No module named moto\" >&2\nexit 1\n");
        Files.setPosixFilePermissions(fakePython, PosixFilePermissions.fromString("rwx------"));
        MotoServerOptions options = MotoServerOptions.DEFAULT.withPython(fakePython.toString()).withLogDirectory(logs);

        assertThatThrownBy(() -> MotoServer.start(options))
                .isInstanceOf(MotoServerException.class)
                .hasMessageStartingWith("moto server is not installed for")
                .hasMessageContaining("pip install 'moto[server]'")
                .hasMessageContaining("No module named moto");
    }

    @Test
    void fixedPortAlreadyInUseIsReportedWithoutRetrying() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            MotoServerOptions options = MotoServerOptions.DEFAULT.withPort(taken.getLocalPort()).withLogDirectory(logs);

            assertThatThrownBy(() -> MotoServer.start(options))
                    .isInstanceOf(MotoServerException.class)
                    .hasMessageContaining("port " + taken.getLocalPort());
        }
    }

    @Test
    void rejectsInvalidOptions() {
        assertThatThrownBy(() -> MotoServerOptions.DEFAULT.withPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MotoServerOptions.DEFAULT.withStartTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int get(URI uri) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
