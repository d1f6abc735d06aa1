package dev.awsmcp.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.ExternalCommand;
import dev.awsmcp.gateway.testing.GatewayProcess;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.testkit.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The self-contained distribution ({@code mvn -Pdist package}: gateway/target/dist/mcp-gateway) as the image runs it:
 * from its own directory, through its launcher {@code bin/mcp-gateway} on its jlink'd runtime, with the container
 * configuration (deploy/config/gateway.yaml, as config/gateway.yaml) and the example policies it ships, against moto:
 * the session table made by {@code sessions init-table}, the API key file handed over as {@code GATEWAY_API_KEYS_YAML}
 * (how ECS passes a secret), a real MCP call, the audit trail in CloudWatch Logs and on the state volume,
 * {@code bin/healthcheck} (the image's HEALTHCHECK), and a graceful stop. It starts with the class-data archive the build
 * recorded (lib/mcp-gateway.jsa, or .aot on a Java 25 runtime) and still starts, saying so, with a stale archive or
 * none. Runs only with -Pdist (.ci/run sets it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final Path DIST = ExternalCommand.repositoryRoot().resolve("gateway/target/dist/mcp-gateway");
    private static final String KEY = "dist-key-7c1e0b9a";
    private static MotoServer moto;
    private static Map<String, String> env;
    private static Map<String, String> serving;
    private static Path state;
    private static Path tmp;
    private static GatewayProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        assertThat(DIST.resolve("bin/mcp-gateway")).as("built by mvn -Pdist package").isExecutable();
        moto = MotoServer.start();
        try (DynamoDbAsyncClient ddb = DynamoDbAsyncClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            ddb.createTable(b -> b.tableName("payments-orders").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))).join();
        }
        state = Files.createTempDirectory("dist-state");
        tmp = Files.createTempDirectory("dist-tmp");
        env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", moto.endpoint().toString(), "GATEWAY_STATE_DIR", state.toString(), "TMPDIR", tmp.toString(),
                "HOSTNAME", "dist-test", "GATEWAY_ADMIN_PORT", Integer.toString(GatewayProcess.freePort()),
                "GATEWAY_PORT", Integer.toString(GatewayProcess.freePort())));
        env.put("GATEWAY_CURSOR_KEY", "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=");
        env.put("GATEWAY_LOG_FORMAT", "text");

        ExternalCommand.Outcome table = launcher(List.of("sessions", "init-table", "--config", "config/gateway.yaml"), env);
        assertThat(table.exitCode()).as(table.transcript()).isZero();
        assertThat(table.stdout()).contains("session table mcp-gateway-sessions ready in us-east-1");

        serving = new HashMap<>(env);
        // payments-demo is a member of the shipped example policy payments-oncall.
        serving.put("GATEWAY_API_KEYS_YAML", "keys:\n  - { id: payments-demo, sha256: " + RunningGateway.sha256Hex(KEY) + " }");
        // The JVM names where each class came from: the archive ("shared objects file") or the jar.
        gateway = GatewayProcess.launch(DIST, List.of(DIST.resolve("bin/mcp-gateway").toString(), "serve", "--config",
                "config/gateway.yaml"), with(serving, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + tmp.resolve("class-load.log"))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(more);
        return all;
    }

    /** The archive this distribution's runtime uses: .aot on Java 25 and later, .jsa before. */
    private static Path archive(Path dist) throws Exception {
        String release = Files.readString(dist.resolve("runtime/release"));
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
        assertThat(version.find()).as(release).isTrue();
        return dist.resolve(Integer.parseInt(version.group(1)) >= 25 ? "lib/mcp-gateway.aot" : "lib/mcp-gateway.jsa");
    }

    private static ExternalCommand.Outcome launcher(List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(DIST.resolve("bin/mcp-gateway").toString()));
        command.addAll(args);
        return ExternalCommand.run(DIST, 120, command, env);
    }

    private static ExternalCommand.Outcome healthcheck(String path, String port) throws Exception {
        return ExternalCommand.run(DIST, 30, List.of(DIST.resolve("bin/healthcheck").toString(), path), Map.of("GATEWAY_ADMIN_PORT", port));
    }

    @Test
    void theLauncherRunsTheJarOnTheShippedRuntime() throws Exception {
        ExternalCommand.Outcome version = launcher(List.of("--version"), Map.of());
        assertThat(version.exitCode()).as(version.transcript()).isZero();
        assertThat(version.stdout()).matches("mcp-gateway \\d+\\.\\d+\\.\\d+\\S*\\n");
        ExternalCommand.Outcome modules = ExternalCommand.run(DIST, 30, List.of(DIST.resolve("runtime/bin/java").toString(), "--list-modules"));
        assertThat(modules.stdout()).as("jdeps' modules plus the TLS curves AWS endpoints need")
                .contains("java.base@", "java.net.http@", "jdk.crypto.ec@").doesNotContain("jdk.compiler@", "jdk.jshell@");
    }

    @Test
    void servesAnAgentWithTheShippedConfigurationAndAuditsToCloudWatchLogs() throws Exception {
        McpHttp client = new McpHttp(gateway.url(), KEY);
        String session = client.initialize();
        JsonNode call = McpHttp.response(client.post(McpHttp.toolsCall(2, "ddb__list_tables", "{}"), "Mcp-Session-Id", session).body())
                .path("result");
        assertThat(call.path("isError").asBoolean()).as(call + "\n" + gateway.output()).isFalse();
        assertThat(call.at("/structuredContent/tables").toString()).as("the policy shows only the team's tables")
                .contains("payments-orders").doesNotContain("mcp-gateway-sessions");

        Path keys = tmp.resolve("api-keys.yaml");
        assertThat(Files.getPosixFilePermissions(keys)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(state.resolve("audit/audit.jsonl"))).contains("\"tool\":\"ddb__list_tables\"");
        try (CloudWatchLogsAsyncClient logs = CloudWatchLogsAsyncClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))).build()) {
            String shipped = "";
            for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < deadline
                    && !shipped.contains("ddb__list_tables"); Thread.sleep(250)) {
                shipped = logs.filterLogEvents(b -> b.logGroupName("/mcp-gateway/audit").logStreamNames("dist-test")).join().events().toString();
            }
            assertThat(shipped).as(gateway.output()).contains("ddb__list_tables");
        }
    }

    @Test
    void theHealthCheckScriptAsksTheAdminListener() throws Exception {
        String admin = env.get("GATEWAY_ADMIN_PORT");
        assertThat(healthcheck("/health/live", admin).exitCode()).isZero();
        // As a readiness probe does, ask again: just after a start the guard's rules may still be being built (503).
        ExternalCommand.Outcome ready = healthcheck("/health/ready", admin);
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); ready.exitCode() != 0 && System.nanoTime() < until; ) {
            Thread.sleep(200);
            ready = healthcheck("/health/ready", admin);
        }
        assertThat(ready.exitCode()).as(ready.transcript() + gateway.output()).isZero();
        ExternalCommand.Outcome unknown = healthcheck("/nowhere", admin);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr()).containsPattern("healthcheck: /nowhere answered HTTP/1\\.[01] 404");
        ExternalCommand.Outcome closed = healthcheck("/health/live", Integer.toString(GatewayProcess.freePort()));
        assertThat(closed.exitCode()).isEqualTo(1);
        assertThat(closed.stderr()).contains("healthcheck: nothing listens on 127.0.0.1:");
    }

    @Test
    void startsWithTheClassDataArchiveTheBuildRecorded() throws Exception {
        assertThat(archive(DIST)).as("recorded by bin/build-archive in mvn -Pdist package").isNotEmptyFile();
        assertThat(gateway.output()).doesNotContain("no class-data archive", "was recorded for another jar", "Unable to use shared archive",
                "Unable to map shared spaces");
        String loaded = Files.readString(tmp.resolve("class-load.log"));
        assertThat(loaded)
                .containsPattern("dev\\.awsmcp\\.gateway\\.server\\.HttpGateway source: shared objects file")
                .containsPattern("software\\.amazon\\.awssdk\\.services\\.dynamodb\\.DefaultDynamoDbAsyncClient source: shared objects file");
        if (archive(DIST).toString().endsWith(".jsa")) {
            // picocli's Java 5 class files: the static archive of Java 17 to 24 holds them, where a dynamic one could not.
            assertThat(loaded).containsPattern("picocli\\.CommandLine\\$Model\\$CommandSpec source: shared objects file");
        }
    }

    @Test
    void startsWithAStaleArchiveOrWithoutOneAndSaysSo() throws Exception {
        // A copy with the jar replaced (its modification time changed) leaves the archive stale, as an upgrade that
        // forgot bin/build-archive would; then no archive at all.
        Path copy = Files.createDirectories(tmp.resolve("copy")).resolve("mcp-gateway");
        ExternalCommand.Outcome copied = ExternalCommand.run(tmp, 60, List.of("cp", "-a", DIST.toString(), copy.toString()));
        assertThat(copied.exitCode()).as(copied.transcript()).isZero();
        Path jar = copy.resolve("lib/mcp-gateway.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        // Java 17 to 24: the launcher finds the static archive stale (the JVM would ignore it silently); Java 25: the JVM warns.
        assertThat(serveOnce(copy, "stale")).containsPattern("mcp-gateway: the class-data archive \\S+ was recorded for another jar or "
                + "directory: starting without it \\(slower\\); bin/build-archive records it again|Unable to map shared spaces");
        Files.delete(archive(copy));
        assertThat(serveOnce(copy, "absent")).contains("mcp-gateway: no class-data archive at " + archive(copy)
                + ": starting without it (slower); bin/build-archive records one");
    }

    /** Serves from {@code dist} on ports and a state volume of its own, initializes a session, stops; returns the output. */
    private static String serveOnce(Path dist, String name) throws Exception {
        Map<String, String> own = with(serving, Map.of("GATEWAY_PORT", Integer.toString(GatewayProcess.freePort()),
                "GATEWAY_ADMIN_PORT", Integer.toString(GatewayProcess.freePort()), "HOSTNAME", "dist-test-" + name,
                "GATEWAY_STATE_DIR", Files.createDirectories(tmp.resolve("state-" + name)).toString()));
        try (GatewayProcess instance = GatewayProcess.launch(dist, List.of(dist.resolve("bin/mcp-gateway").toString(), "serve",
                "--config", "config/gateway.yaml"), own)) {
            assertThat(new McpHttp(instance.url(), KEY).initialize()).as(instance.output()).isNotBlank();
            assertThat(instance.stop()).as(instance.output()).isTrue();
            return instance.output();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void stopsGracefullyOnSigtermAfterTheOtherTests() throws Exception {
        assertThat(gateway.stop()).as(gateway.output()).isTrue();
        assertThat(gateway.exitCode()).hasValue(0);
    }
}
