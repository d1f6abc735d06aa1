package dev.awsmcp.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line made for the arguments: a named subcommand alone, anything else with every subcommand. */
class GatewayCommandTest {

    private static final String[] ALL = {"serve", "demo", "local-aws", "policy", "audit", "guard", "sessions", "training-run"};

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = GatewayCommand.commandLine(args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        return new Run(code, out.toString());
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(GatewayCommand.commandLine(new String[] {"serve", "--config", "x.yaml"}).getSubcommands()).containsOnlyKeys("serve");
        assertThat(GatewayCommand.commandLine(new String[] {"policy", "check"}).getSubcommands()).containsOnlyKeys("policy");
        assertThat(GatewayCommand.commandLine(new String[] {"policy"}).getSubcommands().get("policy").getSubcommands())
                .containsKeys("check", "explain");
    }

    @Test
    void anyOtherFirstArgumentGetsEverySubcommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"serv"}, {"--config", "serve"}}) {
            assertThat(GatewayCommand.commandLine(args).getSubcommands()).as(String.join(" ", args)).containsOnlyKeys(ALL);
        }
        assertThat(GatewayCommand.commandLine().getSubcommands()).containsOnlyKeys(ALL);
    }

    @Test
    void usageAndErrorsReadAsBefore() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("serve", "demo", "local-aws", "policy", "audit", "guard", "sessions");

        Run typo = run("serv", "--config", "x.yaml");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.out()).contains("Unmatched arguments", "Did you mean: mcp-gateway serve");

        Run missing = run("serve");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.out()).contains("Missing required option: '--config=<config>'", "Usage: mcp-gateway serve");

        Run badConfig = run("serve", "--config", "/nonexistent/gateway.yaml");
        assertThat(badConfig.code()).isEqualTo(2);
        assertThat(badConfig.out()).startsWith("configuration error: ");
    }
}
