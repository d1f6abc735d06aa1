package dev.awsmcp.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.McpToolClient;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console of a real gateway on loopback (no login), after real MCP calls: the page and its headers, the records
 * with filters, one record, the chain before and after an edit, the live state, explain, and that the API refuses
 * requests a web page elsewhere could make through DNS rebinding.
 */
class ConsoleEndpointsTest {

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.echo("");
        McpToolClient test = new McpToolClient(gateway);
        test.call("t__echo", "{\"text\":\"first\"}");
        test.call("t__fail", "{}");
        new McpToolClient(gateway, RunningGateway.OTHER_KEY).call("t__echo", "{\"text\":\"x\",\"password\":\"hunter2-do-not-show\"}");
        test.call("t__echo", "{\"text\":\"<script>alert(1)</script>\"}");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() {
        ConsoleHttp.Answer page = ConsoleHttp.get(gateway, "");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "default-src 'none'", "frame-ancestors 'none'",
                "require-trusted-types-for 'script'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.text()).contains("<script src=\"console.js\" defer></script>").doesNotContainPattern("<script>[^<]")
                .doesNotContain(" on" + "click=", "style=");
        assertThat(ConsoleHttp.get(gateway, "console.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(ConsoleHttp.get(gateway, "console.js").text()).doesNotContain("innerHTML =", "outerHTML", "insertAdjacentHTML", "eval(");
        assertThat(ConsoleHttp.get(gateway, "../pom.xml").status()).isEqualTo(404);
        assertThat(ConsoleHttp.get(gateway, "nothing.js").status()).isEqualTo(404);
    }

    @Test
    void recordsAreListedNewestFirstAndFilteredAsAsked() {
        JsonNode all = ConsoleHttp.get(gateway, "api/records").json();
        List<Long> seqs = new ArrayList<>();
        all.path("records").forEach(r -> seqs.add(r.get("seq").asLong()));
        assertThat(seqs).hasSize(4).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode refused = ConsoleHttp.get(gateway, "api/records?principal=apikey:other&outcome=refused").json().path("records");
        assertThat(refused).singleElement().satisfies(r -> assertThat(r.get("decision_reason").asText()).startsWith("invalid arguments"));
        assertThat(ConsoleHttp.get(gateway, "api/records?outcome=tool_error&errorKind=NOT_FOUND").json().path("records")).hasSize(1);
        assertThat(ConsoleHttp.get(gateway, "api/records?type=any").json().path("records").size())
                .as("sessions and the policy load too").isGreaterThan(4);

        ConsoleHttp.Answer typo = ConsoleHttp.get(gateway, "api/records?principle=apikey:test");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.error()).startsWith("unknown filter [principle]; known: ");
        assertThat(ConsoleHttp.get(gateway, "api/records?since=yesterday").error())
                .isEqualTo("since: 'yesterday' is not a time; use ISO-8601 in UTC, e.g. 2026-01-02T15:04:05Z");
        assertThat(ConsoleHttp.get(gateway, "api/records?limit=5&limit=6").error()).isEqualTo("limit: given 2 times; give it once");
    }

    @Test
    void aRecordShowsItsArgumentsAsAuditedWithSecretsRedacted() {
        JsonNode refused = ConsoleHttp.get(gateway, "api/records?principal=apikey:other").json().path("records").get(0);
        ConsoleHttp.Answer one = ConsoleHttp.get(gateway, "api/records/" + refused.get("seq").asLong());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().at("/arguments/password").asText()).isEqualTo("[REDACTED]");
        assertThat(ConsoleHttp.get(gateway, "api/records?type=any&limit=200").text()).doesNotContain("hunter2-do-not-show");
        assertThat(ConsoleHttp.get(gateway, "api/records/999999").status()).isEqualTo(404);
        assertThat(ConsoleHttp.get(gateway, "api/records/abc").error()).startsWith("seq: not a sequence number");
    }

    @Test
    void liveStateAndExplainAnswerFromTheRunningGateway() {
        JsonNode live = ConsoleHttp.get(gateway, "api/live").json();
        assertThat(live.at("/sessions/count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(live.path("toolsets")).singleElement().satisfies(t -> assertThat(t.get("id").asText()).isEqualTo("t"));
        assertThat(live.at("/policies/teams/0").asText()).isEqualTo("test");
        assertThat(live.at("/audit/writing").asBoolean()).isTrue();

        JsonNode allowed = ConsoleHttp.post(gateway, "api/explain", "{\"principal\":\"apikey:test\",\"tool\":\"t__echo\",\"arguments\":{\"text\":\"x\"}}").json();
        assertThat(allowed.path("verdict").asText()).isEqualTo("ALLOW");
        assertThat(allowed.path("team").asText()).isEqualTo("test");
        assertThat(allowed.path("detail").asText()).startsWith("test.yaml:");
        JsonNode stranger = ConsoleHttp.post(gateway, "api/explain", "{\"principal\":\"apikey:nobody\",\"tool\":\"t__echo\"}").json();
        assertThat(stranger.path("verdict").asText()).isEqualTo("DENY");
        assertThat(stranger.path("detail").asText()).isEqualTo("no team of the principal grants it");
        JsonNode group = ConsoleHttp.post(gateway, "api/explain", "{\"principal\":\"alice\",\"groups\":[\"payments-oncall\"],\"tool\":\"t__echo\"}").json();
        assertThat(group.path("verdict").asText()).isEqualTo("VISIBLE");

        ConsoleHttp.Answer missing = ConsoleHttp.post(gateway, "api/explain", "{\"principal\":\"apikey:test\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("tool: required, e.g. ddb__query");
        assertThat(ConsoleHttp.post(gateway, "api/explain", "{\"principal\":\"a\",\"tool\":\"t__echo\",\"argumnets\":{}}").error())
                .startsWith("unknown field(s) [argumnets]");
    }

    @Test
    void theChainIsIntactUntilALineIsEdited() throws IOException {
        JsonNode intact = ConsoleHttp.get(gateway, "api/chain?fresh=true").json();
        assertThat(intact.path("status").asText()).isEqualTo("intact");
        assertThat(intact.path("fromGenesis").asBoolean()).isTrue();

        Path file = gateway.auditFile();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        try {
            lines.set(1, lines.get(1).replace("\"type\":", "\"type\" :"));
            Files.write(file, lines);
            JsonNode broken = ConsoleHttp.get(gateway, "api/chain?fresh=true").json();
            assertThat(broken.path("status").asText()).isEqualTo("broken");
            assertThat(broken.path("problem").asText()).isEqualTo(file + ":3: line 3 does not carry the hash of line 2: line 2 was edited, "
                    + "or a line was inserted or deleted there");
        } finally {
            Files.write(file, Files.readAllLines(file).stream().map(l -> l.replace("\"type\" :", "\"type\":")).toList());
        }
        assertThat(ConsoleHttp.get(gateway, "api/chain?fresh=true").json().path("status").asText()).isEqualTo("intact");
    }

    @Test
    void onlyLoopbackHostsAndOriginsReachTheConsole() {
        for (String host : List.of("evil.example", "127.0.0.1.evil.example", "127.evil.example")) {
            ConsoleHttp.Answer rebound = ConsoleHttp.get(gateway, "api/records", "Host", host);
            assertThat(rebound.status()).as(host).isEqualTo(403);
            assertThat(rebound.error()).startsWith("Host '" + host + "' is not a loopback name");
        }
        assertThat(ConsoleHttp.get(gateway, "api/live", "Host", "localhost").status()).isEqualTo(200);
        ConsoleHttp.Answer foreignPage = ConsoleHttp.post(gateway, "api/explain", "{}", "Origin", "http://evil.example");
        assertThat(foreignPage.status()).isEqualTo(403);
        assertThat(ConsoleHttp.post(gateway, "api/explain", "{\"principal\":\"a\",\"tool\":\"t__echo\"}", "Origin", "http://127.0.0.1:1")
                .status()).isEqualTo(200);
    }
}
