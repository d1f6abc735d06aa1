package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.FileSinkConfig;
import dev.awsmcp.gateway.console.AuditConsole;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.ops.LogFormat;
import dev.awsmcp.gateway.server.GatewayRuntime;
import dev.awsmcp.gateway.server.HttpGateway;
import dev.awsmcp.testkit.MotoServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: local AWS seeded with the incident scenario, and the gateway serving it. The emulator
 * accepts any credentials, so the demo hands the SDK throwaway ones (system properties, only when the
 * environment has none) and points every toolset at the emulator through {@code AWS_ENDPOINT_URL}.
 * The listener authenticates like any other: the demo makes a fresh API key for each of the two example
 * teams (policies/), writes only their hashes to a temporary key file, and prints the keys. The
 * audit trail goes to a fresh temporary directory ({@code DEMO_AUDIT_DIR}), whose file it prints, with the URL of the
 * audit console that reads it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the gateway on a local AWS emulator seeded with a demo incident.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", defaultValue = "config/demo.yaml", description = "Gateway configuration. Default: ${DEFAULT-VALUE}.")
    Path config;

    @Option(names = "--port", defaultValue = "8080", description = "Gateway port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--admin-port", defaultValue = "9464", description = "Health and metrics port (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int adminPort;

    @Option(names = "--aws-port", defaultValue = "0", description = "Emulator port (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int awsPort;

    @Override
    public Integer call() throws Exception {
        MotoServer moto = LocalAwsCommand.start(awsPort, LocalAwsCommand.Seed.demo);
        String endpoint = moto.endpoint().toString();
        DemoKeys keys = DemoKeys.create(List.of("payments-demo", "inventory-demo"));
        Path auditDir = Files.createTempDirectory("mcp-gateway-demo-audit");
        GatewayConfig gatewayConfig = new ConfigLoader(name -> switch (name) {
            case "AWS_ENDPOINT_URL" -> endpoint;
            case "GATEWAY_PORT" -> String.valueOf(port);
            case "GATEWAY_ADMIN_PORT" -> String.valueOf(adminPort);
            case "DEMO_API_KEYS_FILE" -> keys.file().toString();
            case "DEMO_AUDIT_DIR" -> auditDir.toString();
            default -> System.getenv(name);
        }).load(config);
        LogFormat.apply(gatewayConfig.logging());
        useEmulatorCredentials();
        Path auditFile = gatewayConfig.audit().sinks().stream()
                .filter(FileSinkConfig.class::isInstance)
                .map(sink -> Path.of(((FileSinkConfig) sink).path()).toAbsolutePath())
                .findFirst().orElse(null);
        boolean console = gatewayConfig.admin().console().enabled();
        ServeCommand.runHttp(GatewayRuntime.create(gatewayConfig), gateway -> printWelcome(gateway, endpoint, keys, auditFile, console));
        return 0;
    }

    /** Throwaway credentials for a local emulator, unless the environment or system properties name some. */
    static void useEmulatorCredentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "testing");
            System.setProperty("aws.secretAccessKey", "testing");
        }
    }

    private void printWelcome(HttpGateway gateway, String awsEndpoint, DemoKeys keys, Path auditFile, boolean console) {
        PrintWriter out = spec.commandLine().getOut();
        String payments = keys.key("payments-demo");
        out.printf("%nAWS MCP Gateway demo%n");
        out.printf("  MCP endpoint : %s%n", gateway.mcpUrl());
        out.printf("  local AWS    : %s (moto, seeded with the payments incident)%n", awsEndpoint);
        gateway.admin().ifPresent(admin -> out.printf("  health, metrics: %s/health/ready, %s/metrics%n", admin.url(), admin.url()));
        gateway.admin().filter(admin -> console).ifPresent(admin -> out.printf("  audit console: %s%s (in a browser: calls, sessions, chain, policy explain)%n",
                admin.url(), AuditConsole.PATH));
        if (auditFile != null) {
            out.printf("  audit trail  : %s (check it with: audit verify %s)%n", auditFile, auditFile);
        }
        out.printf("API keys (new each run; policies/*.yaml decide what each team sees):%n");
        out.printf("  payments-oncall key: %s%n", payments);
        out.printf("  inventory key      : %s%n", keys.key("inventory-demo"));
        out.printf("Connect a client as payments-oncall:%n");
        out.printf("  Claude Code  : claude mcp add --transport http aws-gateway %s --header \"Authorization: Bearer %s\"%n",
                gateway.mcpUrl(), payments);
        out.printf("  Inspector CLI: npx @modelcontextprotocol/inspector --cli %s --transport http --header \"Authorization: Bearer %s\""
                + " --method tools/list%n", gateway.mcpUrl(), payments);
        out.printf("Try: \"Which payments orders are stuck in PAYMENT_PENDING, and what error do they share?\"%n");
        out.printf("Press Ctrl-C to stop.%n");
        out.flush();
    }
}
