package dev.awsmcp.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.audit.AuditChainVerifier;
import dev.awsmcp.gateway.testing.DemoProcess;
import dev.awsmcp.gateway.testing.ExternalCommand;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit console in a real browser: the demo from the real jar, the incident walked by two teams' MCP clients, then
 * e2e/console-browser.mjs drives Debian's chromium (puppeteer-core, nothing downloaded) through the console: the call
 * list, filters, a call's detail with its findings, taint and CloudTrail hint, the session timeline, markup in audited
 * arguments shown as text, the live state, policy explain, and a tampered audit file shown as a broken chain.
 * Screenshots are kept in gateway/target/console-screenshots. scripts/install-test-deps.sh installs chromium and
 * e2e/node_modules.
 */
class ConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();

    @Test
    void theConsoleShowsTheIncidentFiltersDetailsExplainsAndATamperedChain() throws Exception {
        Path root = ExternalCommand.repositoryRoot();
        Path node = root.resolve("e2e/node_modules/node/bin/node");
        assertThat(node).as("run bash scripts/install-test-deps.sh (Node 22 for puppeteer-core)").isExecutable();
        String chromium = chromium();
        try (DemoProcess demo = DemoProcess.start()) {
            assertThat(demo.console()).as("the demo prints the console URL:\n" + demo.output()).isNotNull();
            McpSyncClient payments = demo.client(demo.paymentsKey());
            McpSyncClient inventory = demo.client(demo.inventoryKey());
            String markup = walkTheIncident(payments, inventory);

            ExternalCommand.Outcome browser = ExternalCommand.run(root.resolve("e2e"), 240, List.of(node.toString(), "console-browser.mjs",
                    "--url", demo.console().toString(), "--audit-file", demo.auditFile().toString(), "--screenshots", SCREENSHOTS.toString(),
                    "--chromium", chromium, "--markup-correlation", markup));
            assertThat(browser.exitCode()).as(browser.transcript()).isZero();
            assertThat(browser.stdout()).containsPattern("console browser checks: \\d+ passed");
            String verify = AuditChainVerifier.verify(List.of(demo.auditFile())).problem();
            assertThat(browser.stdout()).as("the console reports what audit verify reports").contains("chain: Chain BROKEN: " + verify);
            payments.closeGracefully();
            inventory.closeGracefully();
        }
        try (Stream<Path> shots = Files.list(SCREENSHOTS)) {
            assertThat(shots.map(p -> p.getFileName().toString())).contains("01-calls.png", "03-detail.png", "06-explain-deny.png",
                    "08-broken-chain.png");
        }
    }

    /** The on-call walk of the demo incident, a denied look at another team's table, and a call carrying markup; its correlation id. */
    private static String walkTheIncident(McpSyncClient payments, McpSyncClient inventory) {
        call(payments, "cw__describe_alarms", Map.of("state", "ALARM"));
        call(payments, "logs__filter_log_events", Map.of("log_group", "/ecs/payments/api", "filter_pattern", "PaymentProviderTimeout",
                "start", "-3h", "limit", 20));
        call(payments, "s3__get_object", Map.of("bucket", "payments-runbooks", "key", "runbooks/card-processor-timeouts.md"));
        call(payments, "s3__get_object", Map.of("bucket", "payments-runbooks", "key", "runbooks/vendor-notes.md"));
        call(payments, "s3__get_object", Map.of("bucket", "payments-deploys", "key", "manifests/2024.11.3.json"));
        call(payments, "lambda__get_function_configuration", Map.of("function", "payments-refund-worker"));
        call(payments, "ddb__query", Map.of("table", "payments-orders", "index", "status-created_at-index", "key_condition", "#s = :s",
                "expression_attribute_names", Map.of("#s", "status"), "expression_attribute_values", Map.of(":s", "PAYMENT_PENDING"), "limit", 5));
        assertThat(call(inventory, "ddb__describe_table", Map.of("table", "payments-orders")).isError()).isTrue();
        call(inventory, "ddb__list_tables", Map.of());
        McpSchema.CallToolResult markup = call(inventory, "s3__list_objects",
                Map.of("bucket", "inventory-reports", "prefix", "<img src=x onerror=\"document.body.dataset.pwned=1\">"));
        return String.valueOf(markup.meta().get("correlationId"));
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /** Debian's chromium (or chromium-browser) on PATH. */
    private static String chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                File candidate = new File(dir, name);
                if (candidate.canExecute()) {
                    return candidate.getAbsolutePath();
                }
            }
        }
        throw new IllegalStateException("chromium is not on PATH: run bash scripts/install-test-deps.sh (apt-get install chromium)");
    }
}
