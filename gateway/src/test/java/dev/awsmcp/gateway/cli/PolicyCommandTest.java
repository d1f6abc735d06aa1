package dev.awsmcp.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy check} and {@code policy explain} as an operator runs them. */
class PolicyCommandTest {

    @TempDir
    Path dir;
    private Path config;
    private Path policies;

    @BeforeEach
    void files() throws Exception {
        policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("payments.yaml"), """
                team: payments
                members: [ { group: payments-oncall } ]
                toolsets:
                  k: { tools: [get_table, list], resources: ["payments-*"] }
                """);
        config = dir.resolve("gateway.yaml");
        Files.writeString(config, "toolsets:\n  - { id: k, type: test-kinds, region: us-east-1 }\n"
                + "policies: { dir: \"" + policies + "\" }\n");
    }

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        var cli = GatewayCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        return new Run(code, out.toString());
    }

    @Test
    void checkReportsOkOrEveryProblemWithFileAndLine() throws Exception {
        Run ok = run("policy", "check", "--config", config.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("1 team(s) OK: [payments]");

        Files.writeString(policies.resolve("broken.yaml"), "team: broken\nmembers: [ { group: g } ]\ntoolsets:\n  k: { tools: [get_tabel] }\n");
        Run broken = run("policy", "check", "--config", config.toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("broken.yaml:4: toolsets.k.tools[0]: 'get_tabel' matches no tool k exposes");
    }

    @Test
    void explainPrintsTheDecisionAndTheRule() {
        Run allowed = run("policy", "explain", "--config", config.toString(), "--principal", "alice", "--group", "payments-oncall",
                "--tool", "k__get_table", "--args", "{\"table\":\"payments-orders\"}");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).contains("principal alice, teams [payments]")
                .contains("ALLOW k__get_table by team payments: payments.yaml:4: tools [get_table, list]");

        Run denied = run("policy", "explain", "--config", config.toString(), "--principal", "alice", "--group", "payments-oncall",
                "--tool", "k__get_table", "--args", "{\"table\":\"inventory-stock\"}");
        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.out()).contains("DENY k__get_table: table inventory-stock is outside the resources granted");

        Run stranger = run("policy", "explain", "--config", config.toString(), "--principal", "bob", "--tool", "k__get_table");
        assertThat(stranger.out()).contains("DENY k__get_table: no team of the principal grants it");
    }
}
