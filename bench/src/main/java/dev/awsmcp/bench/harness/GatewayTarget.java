package dev.awsmcp.bench.harness;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (b) The real gateway: {@code java -jar gateway/target/mcp-gateway.jar serve --config FILE} as a child
 * process, over Streamable HTTP, with every safety feature on as production runs it: API-key auth, a team
 * policy (deny by default, resource patterns, session policies), roles assumed through STS (moto), the
 * result guard, a durable file audit trail, retries, breaker and bulkhead. The read-only result cache is
 * off, so every call reaches AWS like the other targets' calls. Extra YAML (metrics on an admin port, say)
 * is appended from a file; if this gateway build rejects it, the gateway runs without it and the results
 * say so.
 */
final class GatewayTarget {

    private GatewayTarget() {
    }

    /**
     * @param java the java executable that runs the gateway
     * @param jvmOptions its JVM options (by default the production ones, deploy/config/jvm.options), the archive's among them
     * @param sessionCaps whether the build knows the per-principal, per-address and session-start caps (which the bench lifts);
     *     builds before 2026-11-24 had none and refuse their keys
     */
    record Settings(String java, Path jar, Path workDir, Path extraYaml, boolean jfr, List<String> jvmOptions, boolean sessionCaps) {

        Settings(String java, Path jar, Path workDir, Path extraYaml, boolean jfr, List<String> jvmOptions) {
            this(java, jar, workDir, extraYaml, jfr, jvmOptions, true);
        }
    }

    /** Starts the gateway and returns it as an MCP target; {@code notes} collects what the results must say. */
    static McpTarget start(Settings settings, DataSet data, URI moto, URI dynamoDb, Map<String, Object> notes) throws Exception {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException("gateway jar not found at " + settings.jar() + ": build it first (mvn -B -o -q package -DskipTests)");
        }
        Path dir = Files.createDirectories(settings.workDir().resolve("gateway"));
        String key = "bench_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(24));
        Files.writeString(dir.resolve("api-keys.yaml"), "keys:\n  - { id: bench, sha256: " + sha256(key) + " }\n");
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("bench.yaml"), POLICY);
        int port = Backends.freePort();
        String base = config(dir, port, moto, dynamoDb, settings.sessionCaps());
        String extra = settings.extraYaml() != null && Files.isRegularFile(settings.extraYaml())
                ? Files.readString(settings.extraYaml()).replace("${BENCH_ADMIN_PORT}", Integer.toString(Backends.freePort())) : "";
        ServerProcess server;
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (extra.isBlank()) {
            metrics.put("enabled", false);
            metrics.put("reason", "no extra gateway YAML given");
            server = launch(settings, dir, base, port, "");
        } else {
            try {
                server = launch(settings, dir, base + "\n" + extra, port, "");
                metrics.put("enabled", true);
                metrics.put("yaml", extra.strip());
            } catch (IllegalStateException refused) {
                metrics.put("enabled", false);
                metrics.put("reason", "this gateway build refused " + settings.extraYaml() + ": " + firstConfigError(refused.getMessage()));
                server = launch(settings, dir, base, port, "-retry");
            }
        }
        notes.put("gateway_metrics", metrics);
        notes.put("gateway_config", dir.resolve("gateway.yaml").toString());
        URI url = URI.create("http://127.0.0.1:" + port);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("kind", "gateway");
        description.put("transport", "Streamable HTTP (MCP Java SDK client 2.1.0)");
        description.put("jar", settings.jar().toString());
        description.put("java", settings.java());
        description.put("jvm_options", settings.jvmOptions());
        description.put("features", List.of("api-key auth", "team policy with resource patterns and session policies",
                "STS AssumeRole per team (cached)", "JSON Schema argument validation", "result guard (size, secrets, injection, envelope)",
                "durable file audit trail (fsync per record, hash chain)", "retries, circuit breaker, bulkhead",
                "result cache OFF (every call reaches AWS)", Boolean.TRUE.equals(metrics.get("enabled")) ? "metrics ON" : "metrics: not available"));
        description.put("startup_to_ready_ms", server.startup().toMillis());
        return new McpTarget("gateway",
                () -> HttpClientStreamableHttpTransport.builder(url.toString()).endpoint("/mcp")
                        .addHttpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + key))
                        .build(),
                operation -> operation.gateway(data), operation -> null, Integer.MAX_VALUE, server, description);
    }

    private static ServerProcess launch(Settings settings, Path dir, String yaml, int port, String suffix) throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, yaml);
        List<String> command = new ArrayList<>(List.of(settings.java()));
        settings.jvmOptions().stream().filter(option -> !option.isBlank()).forEach(command::add);
        if (settings.jfr()) {
            command.add("-XX:StartFlightRecording=filename=" + dir.resolve("gateway.jfr") + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-jar", settings.jar().toAbsolutePath().toString(), "serve", "--config", config.toString()));
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", DataSet.REGION);
        return ServerProcess.start("gateway", command, env, dir, dir.resolve("gateway" + suffix + ".log"),
                URI.create("http://127.0.0.1:" + port + "/mcp"), Duration.ofSeconds(60));
    }

    private static String firstConfigError(String message) {
        return message.lines().filter(l -> l.contains("metrics") || l.contains("unknown") || l.contains("Unrecognized"))
                .findFirst().orElse(message.lines().findFirst().orElse("")).strip();
    }

    private static String config(Path dir, int port, URI moto, URI dynamoDb, boolean sessionCaps) {
        String caps = sessionCaps ? """
                  maxSessionsPerPrincipal: 10000
                  sessionStartsPerMinute: 100000
                  connections: { maxPerAddress: 0 }
                """ : "";
        return """
                # Written by the benchmark harness: production-shaped, every safety feature on, backends on loopback.
                # One client address and principal opens every session (200 for the memory figure): no per-address or per-principal caps.
                server:
                  host: 127.0.0.1
                  port: %d
                  path: /mcp
                %sauth:
                  apiKeys: { file: "%s" }
                toolsets:
                  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: "%s", roleArn: "arn:aws:iam::123456789012:role/bench-ddb" }
                  - { id: s3, type: s3, region: us-east-1, endpoint: "%s", roleArn: "arn:aws:iam::123456789012:role/bench-s3" }
                  - { id: logs, type: logs, region: us-east-1, endpoint: "%s", roleArn: "arn:aws:iam::123456789012:role/bench-logs" }
                  - { id: lambda, type: lambda, region: us-east-1, endpoint: "%s", roleArn: "arn:aws:iam::123456789012:role/bench-lambda" }
                sts: { region: us-east-1, endpoint: "%s" }
                policies: { dir: "%s", watch: true }
                guard: { secretHash: true }
                limits: { maxResultBytes: 65536, defaultRows: 100, maxRows: 1000, callTimeout: 30s }
                audit:
                  sinks:
                    - { type: file, path: "%s", durable: true }
                  queueCapacity: 10000
                  onOverload: refuse
                resilience:
                  bulkhead: { maxConcurrentCalls: 256 }
                  cache: { enabled: false }
                """.formatted(port, caps, dir.resolve("api-keys.yaml"), dynamoDb, moto, moto, moto, moto, dir.resolve("policies"),
                dir.resolve("audit").resolve("audit.jsonl"));
    }

    private static final String POLICY = """
            # The benchmark team: exactly the tools and resources of the workload, as a real team policy.
            team: bench
            members: [ { apiKey: bench } ]
            toolsets:
              ddb:    { tools: [get_item, query, describe_table, list_tables], resources: ["bench-*"], sessionPolicy: true }
              s3:     { tools: [get_object, list_objects, head_object], resources: ["bench-objects"], sessionPolicy: true }
              logs:   { tools: ["*"], resources: ["/bench/*"], sessionPolicy: true }
              lambda: { tools: [list_functions, get_function_configuration], resources: ["bench-*"], sessionPolicy: true }
            limits: { maxResultBytes: 65536, callsPerMinute: 100000 }
            guard: { injection: flag }
            """;

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
