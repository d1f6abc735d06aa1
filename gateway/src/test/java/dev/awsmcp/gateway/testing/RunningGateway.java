package dev.awsmcp.gateway.testing;

import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.guard.DeferredInjectionDetector;
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

    /** Starts a gateway whose result guard's injection rules are {@code rules}, started once the gateway listens. */
    public static RunningGateway start(String yaml, DeferredInjectionDetector rules) {
        return start(yaml, java.util.List.of(), rules);
    }

    private static RunningGateway start(String yaml,
            java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> awsInterceptors, InjectionDetector detector) {
        return start(yaml, awsInterceptors, DeferredInjectionDetector.built(detector));
    }

    private static RunningGateway start(String yaml,
            java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> awsInterceptors, DeferredInjectionDetector rules) {
        GatewayConfig config = new ConfigLoader().load(configFile(yaml));
        GatewayConfig onRandomPort = config.withServer(config.server().withPort(0)).withAdmin(config.admin().withPort(0));
        GatewayRuntime runtime = GatewayRuntime.create(onRandomPort, awsInterceptors, rules);
        try {
            return new RunningGateway(runtime, HttpGateway.start(runtime));
        } catch (Exception e) {
            runtime.close();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code yaml} to a temporary configuration file, completed with what it leaves out: the test
     * keys ({@code auth}), one durable audit file in a fresh directory ({@code audit}), and a policy
     * granting both keys everything ({@code policies}). For gateways started in this JVM or as processes.
     */
    public static Path configFile(String yaml) {
        try {
            Path file = Files.createTempFile("gateway", ".yaml");
            StringBuilder text = new StringBuilder(yaml);
            if (!hasSection(yaml, "auth")) {
                text.append("\nauth:\n  apiKeys: { file: \"").append(keyFile()).append("\" }\n");
            }
            if (!hasSection(yaml, "audit")) {
                text.append("\naudit:\n  sinks: [ { type: file, path: \"")
                        .append(Files.createTempDirectory("audit").resolve("audit.jsonl")).append("\" } ]\n");
            }
            Files.writeString(file, text);
            if (!hasSection(yaml, "policies")) {
                Path policies = grantEverything(new ConfigLoader().load(file));
                text.append("\npolicies: { dir: \"").append(policies).append("\", watch: false }\n");
                Files.writeString(file, text);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasSection(String yaml, String name) {
        return yaml.lines().anyMatch(l -> l.startsWith(name + ":"));
    }

    /** A policy directory with one team, both test keys, granted every tool and resource of every toolset. */
    static Path grantEverything(GatewayConfig config) throws IOException {
        Path dir = Files.createTempDirectory("policies");
        // The group is the one the JWT tests' tokens carry.
        StringBuilder yaml = new StringBuilder("team: test\nmembers: [ { apiKey: test }, { apiKey: other }, { group: payments-oncall } ]\n"
                + "toolsets:\n");
        for (var toolset : config.toolsets()) {
            yaml.append("  ").append(toolset.id())
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

    /** A client of the SDK for this gateway, authenticated with {@link #TEST_KEY}; add consumers, then build and initialize. */
    public io.modelcontextprotocol.client.McpClient.SyncSpec client() {
        return client(TEST_KEY);
    }

    /** A client of the SDK for this gateway, authenticated with {@code key}; add consumers, then build and initialize. */
    public io.modelcontextprotocol.client.McpClient.SyncSpec client(String key) {
        return io.modelcontextprotocol.client.McpClient.sync(transport(key)).requestTimeout(java.time.Duration.ofSeconds(20));
    }

    /**
     * An asynchronous client of the SDK for this gateway, authenticated with {@link #TEST_KEY}. Its consumers see
     * notifications in the order they came over the wire; the synchronous client runs each consumer on a worker of its
     * own, so it may hand them over in any order.
     */
    public io.modelcontextprotocol.client.McpClient.AsyncSpec asyncClient() {
        return io.modelcontextprotocol.client.McpClient.async(transport(TEST_KEY)).requestTimeout(java.time.Duration.ofSeconds(20));
    }

    private io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport transport(String key) {
        URI url = url();
        String base = url.toString().replace(url.getPath(), "");
        return io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport.builder(base).endpoint(url.getPath())
                .addHttpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + key))
                .build();
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
