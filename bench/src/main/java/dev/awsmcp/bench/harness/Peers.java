package dev.awsmcp.bench.harness;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (c) Peer MCP servers from PyPI, each in its own throwaway virtualenv (their dependency pins clash when
 * shared): {@code awslabs.aws-api-mcp-server} over Streamable HTTP ({@code call_aws} runs AWS CLI
 * commands, so it covers every operation) and {@code awslabs.cloudwatch-mcp-server} over stdio (the
 * log-group listing only). Both run against the same backends, with throwaway credentials, telemetry
 * and update checks off. A peer that cannot be installed or started is reported with the reason.
 */
final class Peers {

    static final String AWS_API = "awslabs.aws-api-mcp-server";
    static final String CLOUDWATCH = "awslabs.cloudwatch-mcp-server";

    /** Whether to install missing peers ({@code install}), use them only when present, or skip them. */
    enum Mode { install, ifInstalled, skip }

    /**
     * A peer as it came out: the target, or why there is none.
     *
     * @param name the PyPI package
     * @param target the running peer, or {@code null}
     * @param reason why {@code target} is null
     * @param version the installed version, or {@code null}
     */
    record Peer(String name, McpTarget target, String reason, String version) {
    }

    /**
     * awslabs.aws-api-mcp-server refuses to start unless it downloads AWS's service reference index (public
     * AWS, not loopback, and unreachable here) to classify read-only operations. This shim, run instead of
     * the package's entry point, gives it an empty index: every operation is then classified by the
     * package's own metadata alone, and the call path is unchanged.
     */
    private static final String AWS_API_SHIM = """
            import awslabs.aws_api_mcp_server.core.metadata.read_only_operations_list as index
            index.ServiceReferenceUrlsByService.__init__ = lambda self: dict.__init__(self)
            from awslabs.aws_api_mcp_server.server import main
            main()
            """;

    private Peers() {
    }

    static List<Peer> start(Mode mode, Path venvRoot, Path workDir, DataSet data, URI moto, URI dynamoDb) {
        List<Peer> peers = new ArrayList<>();
        for (String name : List.of(AWS_API, CLOUDWATCH)) {
            if (mode == Mode.skip) {
                peers.add(new Peer(name, null, "skipped (--peers skip)", null));
                continue;
            }
            Path venv = venvRoot.resolve(name);
            try {
                String version = ensureInstalled(name, venv, mode == Mode.install, workDir);
                if (version == null) {
                    peers.add(new Peer(name, null, "not installed in " + venv + " (run with --peers install)", null));
                    continue;
                }
                Map<String, Object> description = new LinkedHashMap<>();
                description.put("kind", "peer");
                description.put("package", name + "==" + version);
                McpTarget target = name.equals(AWS_API) ? awsApi(venv, workDir, data, moto, dynamoDb, description)
                        : cloudWatch(venv, workDir, moto, description);
                peers.add(new Peer(name, target, null, version));
            } catch (Exception e) {
                peers.add(new Peer(name, null, "could not be installed or started: " + e.getMessage(), null));
            }
        }
        return peers;
    }

    private static McpTarget awsApi(Path venv, Path workDir, DataSet data, URI moto, URI dynamoDb, Map<String, Object> description)
            throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("aws-api-mcp-server"));
        Path shim = dir.resolve("run_offline.py");
        Files.writeString(shim, AWS_API_SHIM);
        int port = Backends.freePort();
        Map<String, String> env = new LinkedHashMap<>(pythonEnv(moto));
        env.put("AWS_API_MCP_TRANSPORT", "streamable-http");
        env.put("AUTH_TYPE", "no-auth");
        env.put("AWS_API_MCP_HOST", "127.0.0.1");
        env.put("AWS_API_MCP_PORT", Integer.toString(port));
        env.put("AWS_API_MCP_WORKING_DIR", Files.createDirectories(dir.resolve("workdir")).toString());
        env.put("AWS_API_MCP_TELEMETRY", "false");
        env.put("FASTMCP_LOG_LEVEL", "WARNING");
        ServerProcess server = ServerProcess.start(AWS_API, List.of(venv.resolve("bin/python").toString(), shim.toString()), env, dir,
                dir.resolve("server.log"), URI.create("http://127.0.0.1:" + port + "/mcp"), Duration.ofSeconds(120));
        description.put("transport", "Streamable HTTP, no auth (the peer's HTTP mode offers no-auth or OAuth only)");
        description.put("startup_to_ready_ms", server.startup().toMillis());
        description.put("notes", List.of("started through a shim that replaces its startup download of the AWS service reference index"
                + " (public AWS, unreachable here) with an empty index", "one AWS CLI command per call_aws call, max_results 100",
                "s3 get-object writes the body to a file in the peer's working directory; its result holds metadata, not the text"));
        String base = "http://127.0.0.1:" + port;
        return new McpTarget(AWS_API, () -> HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp").build(),
                operation -> operation.awsApi(data, moto, dynamoDb), operation -> null, Integer.MAX_VALUE, server, description)
                // call_aws reports AWS and validation errors inside a successful result.
                .failsWhen(text -> !text.contains("\"error\":null,\"status_code\":200"));
    }

    private static McpTarget cloudWatch(Path venv, Path workDir, URI moto, Map<String, Object> description) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve("cloudwatch-mcp-server"));
        Map<String, String> env = new LinkedHashMap<>(pythonEnv(moto));
        env.put("FASTMCP_LOG_LEVEL", "ERROR");
        ServerParameters parameters = ServerParameters.builder(venv.resolve("bin/" + CLOUDWATCH).toString()).env(env).build();
        description.put("transport", "stdio (one process per client)");
        description.put("notes", List.of("serves CloudWatch only; of this workload it can run tools/list here: its describe_log_groups"
                + " also calls DescribeQueryDefinitions, which moto does not implement, and it reads events only through Logs Insights"));
        return new McpTarget(CLOUDWATCH, () -> new StdioClientTransport(parameters, McpTarget.JSON), operation -> null,
                Operation::cloudWatchUnsupported, 1, null, description);
    }

    /** Environment of a peer: throwaway credentials, the region, every AWS endpoint at the backend, no telemetry. */
    private static Map<String, String> pythonEnv(URI moto) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_REGION", DataSet.REGION);
        env.put("AWS_DEFAULT_REGION", DataSet.REGION);
        env.put("AWS_ENDPOINT_URL", moto.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("FASTMCP_CHECK_FOR_UPDATES", "off");
        env.put("FASTMCP_SHOW_SERVER_BANNER", "false");
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        return env;
    }

    /** The installed version of {@code name} in {@code venv}, installing it first when allowed; null if absent. */
    private static String ensureInstalled(String name, Path venv, boolean install, Path workDir) throws IOException, InterruptedException {
        Path python = venv.resolve("bin/python");
        String version = Files.isExecutable(python) ? version(python, name) : null;
        if (version != null || !install) {
            return version;
        }
        System.out.println("bench: installing " + name + " from PyPI into " + venv + " ...");
        Path log = Files.createDirectories(workDir).resolve("pip-" + name + ".log");
        run(log, Duration.ofMinutes(5), "python3", "-m", "venv", venv.toString());
        run(log, Duration.ofMinutes(10), python.toString(), "-m", "pip", "install", "--quiet", name);
        version = version(python, name);
        if (version == null) {
            throw new IllegalStateException("pip install " + name + " did not install it; see " + log);
        }
        return version;
    }

    private static String version(Path python, String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python.toString(), "-c",
                "import importlib.metadata as m; print(m.version('" + name + "'))").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        return process.waitFor() == 0 && !out.isEmpty() ? out : null;
    }

    private static void run(Path log, Duration timeout, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                    + ServerProcess.tail(log).lines().reduce((a, b) -> b).orElse("") + "; see " + log);
        }
    }
}
