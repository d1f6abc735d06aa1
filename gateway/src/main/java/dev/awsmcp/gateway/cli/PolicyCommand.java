package dev.awsmcp.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.policy.PolicyExplanation;
import dev.awsmcp.gateway.policy.PolicyLoader;
import dev.awsmcp.gateway.policy.PolicySet;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.support.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy check}, {@code policy explain} and {@code policy iam}: test policy files before they go live, derive IAM from them. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Validate and explain team policies.",
        subcommands = {PolicyCommand.Check.class, PolicyCommand.Explain.class, PolicyIamCommand.class})
final class PolicyCommand {

    /** Options both subcommands share: the gateway configuration that names the toolsets. */
    static class ConfigOption {
        @Option(names = "--config", defaultValue = "config/gateway.yaml", description = "Gateway configuration. Default: ${DEFAULT-VALUE}.")
        Path config;

        /** Runs {@code work} with the configured registry (no AWS request is made). */
        <T> T withRegistry(java.util.function.BiFunction<GatewayConfig, ToolsetRegistry, T> work) {
            GatewayConfig gateway = new ConfigLoader().load(config);
            try (AwsClientFactory clients = new AwsClientFactory(1); ToolsetRegistry registry = ToolsetRegistry.create(gateway, clients)) {
                return work.apply(gateway, registry);
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate every policy file; print each problem as file:line: path: problem; fix.")
    static final class Check extends ConfigOption implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", description = "Policy directory (default: policies.dir of the configuration).")
        Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return withRegistry((gateway, registry) -> {
                Path policies = dir != null ? dir : Path.of(gateway.policies().dir());
                List<String> problems = new ArrayList<>();
                PolicySet set = new PolicyLoader(registry, gateway.limits()).load(policies, problems);
                problems.forEach(out::println);
                if (problems.isEmpty()) {
                    out.printf("%s: %d team(s) OK: %s%n", policies, set.teams().size(),
                            set.teams().stream().map(t -> t.team()).toList());
                }
                out.flush();
                return problems.isEmpty() ? 0 : 1;
            });
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Print the decision for one principal and tool (and arguments) and the rule behind it.")
    static final class Explain extends ConfigOption implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--principal", required = true, description = "Principal id (JWT subject), or apikey:<key id>.")
        String principal;

        @Option(names = "--group", description = "A group of the principal (repeatable).")
        List<String> groups = new ArrayList<>();

        @Option(names = "--tool", required = true, description = "Exposed tool name, e.g. ddb__query.")
        String tool;

        @Option(names = "--args", description = "Call arguments as JSON, to decide on the resources they name.")
        String args;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Principal who = PolicyExplanation.principal(principal, groups);
            JsonNode arguments;
            try {
                arguments = args == null ? null : Json.mapper().readTree(args);
            } catch (java.io.IOException e) {
                out.printf("DENY %s: invalid arguments: %s%n", tool, e.getMessage());
                out.flush();
                return 1;
            }
            return withRegistry((gateway, registry) -> {
                PolicySet set = new PolicyLoader(registry, gateway.limits()).load(Path.of(gateway.policies().dir()));
                PolicyExplanation explained = PolicyExplanation.explain(set, who, registry.find(tool).orElse(null), arguments);
                out.printf("principal %s, teams %s%n", explained.principal(), explained.teams());
                switch (explained.verdict()) {
                    case ALLOW -> out.printf("ALLOW %s by team %s: %s%n", tool, explained.team(), explained.detail());
                    case VISIBLE -> out.printf("ALLOW %s is visible; pass --args to decide on resources%n", tool);
                    case DENY -> out.printf("DENY %s: %s%n", tool, explained.detail());
                }
                out.flush();
                return explained.verdict() == PolicyExplanation.Verdict.DENY ? 1 : 0;
            });
        }
    }
}
