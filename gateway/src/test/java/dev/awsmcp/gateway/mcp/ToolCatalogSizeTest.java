package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code tools/list} costs a model with the demo's toolsets (config/demo.yaml): the JSON bytes of the result for
 * the whole catalog and for each demo team (policies/, their API keys swapped for the test keys), printed as bytes per
 * session and per tool (docs/catalog.md quotes them), and each team's compact list ({@code server.catalog: compact}) beside
 * its full one. The budget is a size, not a time: at most 600 bytes per tool on average over the whole catalog (issue #23's
 * target), so that the catalog does not grow back.
 */
class ToolCatalogSizeTest {

    /** The toolsets of config/demo.yaml; the endpoint is never called, listing tools reads no AWS. */
    static final String DEMO_TOOLSETS = "toolsets:\n"
            + "  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: \"http://127.0.0.1:9\" }\n"
            + "  - { id: s3, type: s3, region: us-east-1, endpoint: \"http://127.0.0.1:9\" }\n"
            + "  - { id: logs, type: logs, region: us-east-1, endpoint: \"http://127.0.0.1:9\" }\n"
            + "  - { id: lambda, type: lambda, region: us-east-1, endpoint: \"http://127.0.0.1:9\" }\n"
            + "  - { id: cw, type: cloudwatch, region: us-east-1, endpoint: \"http://127.0.0.1:9\" }\n";

    static final int BUDGET_BYTES_PER_TOOL = 600;

    @TempDir
    Path policies;

    @Test
    void theWholeCatalogCostsAtMost600BytesPerTool() throws Exception {
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\n" + DEMO_TOOLSETS)) {
            Listing all = listing(gateway, RunningGateway.TEST_KEY, "every tool");
            assertThat(all.tools()).isGreaterThan(20);
            assertThat(all.bytes()).as("bytes of %d tools", all.tools()).isLessThanOrEqualTo(BUDGET_BYTES_PER_TOOL * all.tools());
        }
    }

    @Test
    void printsWhatEachDemoTeamsListCosts() throws Exception {
        demoPolicies(policies);
        String config = DEMO_TOOLSETS + "policies: { dir: \"" + policies + "\", watch: false }\n";
        Listing payments;
        Listing inventory;
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\n" + config)) {
            payments = listing(gateway, RunningGateway.TEST_KEY, "payments-oncall");
            inventory = listing(gateway, RunningGateway.OTHER_KEY, "inventory");
            assertThat(payments.tools()).isPositive();
            assertThat(inventory.tools()).isPositive();
        }
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1, catalog: compact }\n" + config)) {
            compact(listing(gateway, RunningGateway.TEST_KEY, "payments compact"), payments);
            compact(listing(gateway, RunningGateway.OTHER_KEY, "inventory compact"), inventory);
        }
    }

    /**
     * Prints what a compact list saves against the full one: at first ({@code search_tools} alone, as listed) and at most
     * once the team called 8 distinct tools (the default server.recentTools; its 8 largest definitions added to it).
     */
    private static void compact(Listing compact, Listing full) throws Exception {
        assertThat(compact.tools()).isEqualTo(1);
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode tool : full.result().get("tools")) {
            sizes.add(Json.mapper().writeValueAsString(tool).getBytes(StandardCharsets.UTF_8).length + 1);
        }
        sizes.sort(Comparator.reverseOrder());
        int recent = Math.min(8, sizes.size());
        int most = compact.bytes() + sizes.subList(0, recent).stream().mapToInt(Integer::intValue).sum();
        System.out.printf("  full %,6d bytes; compact %,5d bytes at first (%.1f%%), at most %,6d with %d recent tools (%.1f%%)%n", full.bytes(),
                compact.bytes(), 100.0 * compact.bytes() / full.bytes(), most, recent, 100.0 * most / full.bytes());
        assertThat(compact.bytes()).isLessThan(full.bytes() / 10);
    }

    /** The demo's policies, their members the test keys: payments-oncall is {@code test}, inventory is {@code other}. */
    static void demoPolicies(Path dir) throws java.io.IOException {
        Path demo = Path.of("..", "policies");
        Files.writeString(dir.resolve("payments-oncall.yaml"),
                Files.readString(demo.resolve("payments-oncall.yaml")).replace("apiKey: payments-demo", "apiKey: test"));
        Files.writeString(dir.resolve("inventory.yaml"),
                Files.readString(demo.resolve("inventory.yaml")).replace("apiKey: inventory-demo", "apiKey: other"));
    }

    record Listing(int tools, int bytes, JsonNode result) {
    }

    static Listing listing(RunningGateway gateway, String key, String label) throws Exception {
        McpHttp client = new McpHttp(gateway.url(), key);
        String session = client.initialize();
        String body = client.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", "Mcp-Session-Id", session).body();
        JsonNode result = Json.mapper().readTree(body).get("result");
        int bytes = Json.mapper().writeValueAsString(result).getBytes(StandardCharsets.UTF_8).length;
        int tools = result.get("tools").size();
        System.out.printf("tools/list %-17s %2d tools, %,6d bytes, %,4d bytes per tool%n", label, tools, bytes, tools == 0 ? 0 : bytes / tools);
        return new Listing(tools, bytes, result);
    }
}
