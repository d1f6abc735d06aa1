package dev.awsmcp.gateway.testing;

import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.config.PoliciesConfig;
import dev.awsmcp.gateway.guard.InjectionDetector;
import dev.awsmcp.gateway.guard.InjectionDetectors;
import dev.awsmcp.gateway.server.GatewayRuntime;
import dev.awsmcp.gateway.server.HttpGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real gateway on a random loopback port, configured from YAML text, for end-to-end tests. Unless the
 * YAML has its own {@code auth} section, the gateway accepts the API keys {@link #TEST_KEY} (principal
 * {@code apikey:test}) and {@link #OTHER_KEY} (principal {@code apikey:other}); unless it has its own
 * {@code policies} section, one team policy grants both keys every tool of every configured toolset.
 */
public final class RunningGateway implements AutoCloseable {

    /** An API key every test gateway accepts, as principal {@code apikey:test}. */
    public static final String TEST_KEY = "test-key-5f1b2c3d4e";
    /** A second accepted API key, as principal {@code apikey:other}. */
    public static final String OTHER_KEY = "other-key-9a8b7c6d5e";

    private final GatewayRuntime runtime;
    private final HttpGateway http;

    private RunningGateway(GatewayRuntime runtime, HttpGateway http) {
        this.runtime = runtime;
        this.http = http;
    }

    /** Starts a gateway; {@code yaml} is a whole configuration file ({@code port: 0} is forced). */
    public static RunningGateway start(String yaml) {
        return start(yaml, java.util.List.of(), InjectionDetectors.installed());
    }

    /** Starts a gateway whose result guard uses {@code detector}. */
    public static RunningGateway start(String yaml, InjectionDetector detector) {
        return start(yaml, java.util.List.of(), detector);
    }

    /**
     * Starts a gateway whose AWS clients carry {@code awsInterceptors} too. Unless the YAML has its own
     * {@code audit} section, the audit trail is one durable file in a fresh temporary directory.
     */
    public static RunningGateway start(String yaml, java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> awsInterceptors) {
        return start(yaml, awsInterceptors, InjectionDetectors.installed());
    }

    private static RunningGateway start(String yaml,
            java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> awsInterceptors, InjectionDetector detector) {
        try {
            Path file = Files.createTempFile("gateway", ".yaml");
            String withAuth = yaml.lines().anyMatch(l -> l.startsWith("auth:")) ? yaml
                    : yaml + "\nauth:\n  apiKeys: { file: \"" + keyFile() + "\" }\n";
            Files.writeString(file, yaml.lines().anyMatch(l -> l.startsWith("audit:")) ? withAuth
                    : withAuth + "\naudit:\n  sinks: [ { type: file, path: \"" + Files.createTempDirectory("audit").resolve("audit.jsonl")
                            + "\" } ]\n");
            GatewayConfig config = new ConfigLoader().load(file);
            GatewayConfig onRandomPort = new GatewayConfig(new dev.awsmcp.gateway.config.ServerConfig(
                    config.server().host(), 0, config.server().path(), config.server().allowedOrigins(),
                    config.server().allowedHosts(), config.server().maxRequestBytes(), config.server().sessionIdleTimeout(),
                    config.server().maxSessions()), config.auth(), config.toolNames(), config.toolsets(), config.limits(),
                    yaml.lines().anyMatch(l -> l.startsWith("policies:")) ? config.policies()
                            : new PoliciesConfig(grantEverything(config).toString(), false, null), config.sts(), config.audit(),
                    config.guard(), config.resilience(), config.admin().withPort(0), config.logging());
            GatewayRuntime runtime = GatewayRuntime.create(onRandomPort, awsInterceptors, detector);
            try {
                return new RunningGateway(runtime, HttpGateway.start(runtime));
            } catch (Exception e) {
                runtime.close();
                throw new IllegalStateException(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A policy directory with one team, both test keys, granted every tool and resource of every toolset. */
    static Path grantEverything(GatewayConfig config) throws IOException {
        Path dir = Files.createTempDirectory("policies");
        // The group is the one the JWT tests' tokens carry.
        StringBuilder yaml = new StringBuilder("team: test\nmembers: [ { apiKey: test }, { apiKey: other }, { group: payments-oncall } ]\n"
                + "toolsets:\n");
        for (var toolset : config.toolsets()) {
            yaml.append("  ").append(toolset.get("id").asText())
                    .append(": { tools: [\"*\"], access: [read, write, invoke], resources: [\"*\"] }\n");
        }
        Files.writeString(dir.resolve("test.yaml"), yaml);
        return dir;
    }

    /** A gateway serving the test-echo toolset as {@code t__*}, with {@code extraServerYaml} under server. */
    public static RunningGateway echo(String extraServerYaml) {
        return start("server:\n  host: 127.0.0.1\n" + extraServerYaml.indent(2)
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read, write] }\nlimits: { callTimeout: 2s }\n");
    }

    /**
     * A key file accepting {@link #TEST_KEY} as {@code test} and {@link #OTHER_KEY} as {@code other},
     * for YAML that writes its own {@code auth} section.
     */
    public static Path keyFile() throws IOException {
        Path keys = Files.createTempFile("api-keys", ".yaml");
        Files.writeString(keys, "keys:\n  - { id: test, sha256: " + sha256Hex(TEST_KEY) + " }\n"
                + "  - { id: other, sha256: " + sha256Hex(OTHER_KEY) + " }\n");
        return keys;
    }

    /** Lowercase hex SHA-256 of {@code key}, as the key file holds it. */
    public static String sha256Hex(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return http.mcpUrl();
    }

    /** The admin listener's base URL (health, metrics); the listener is on a random port unless disabled. */
    public URI adminUrl() {
        return http.admin().orElseThrow(() -> new IllegalStateException("admin listener disabled")).url();
    }

    public HttpGateway http() {
        return http;
    }

    public GatewayRuntime runtime() {
        return runtime;
    }

    /** The file of the first file sink of the audit trail. */
    public Path auditFile() {
        return runtime.audit().sinks().stream()
                .filter(dev.awsmcp.gateway.audit.FileAuditSink.class::isInstance)
                .map(s -> ((dev.awsmcp.gateway.audit.FileAuditSink) s).path())
                .findFirst().orElseThrow();
    }

    @Override
    public void close() {
        http.close();
        runtime.close();
    }
}
