package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.GatewayVersion;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.LoggingConfig;
import dev.awsmcp.gateway.ops.LogFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar mcp-gateway.jar}: the gateway's command line. */
@Command(name = "mcp-gateway",
        mixinStandardHelpOptions = true,
        versionProvider = GatewayCommand.Version.class,
        description = "One MCP endpoint for incident investigation across AWS services.",
        subcommands = {ServeCommand.class, DemoCommand.class, LocalAwsCommand.class, PolicyCommand.class, AuditCommand.class,
                GuardCommand.class, SessionsCommand.class, TrainingRunCommand.class})
public final class GatewayCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // GATEWAY_LOG_FORMAT=json holds from the first line; serve applies logging.format once the file is read.
        LogFormat.apply(new LoggingConfig(null));
        System.exit(commandLine().execute(args));
    }

    /** The command line with the gateway's error handling: configuration errors print one clear line. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GatewayCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("configuration error: " + e.getMessage());
                return 2;
            }
            if (e instanceof CommandFailedException) {
                commandLine.getErr().println(e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** A command failed in a way the user can fix; the message says how. */
    public static final class CommandFailedException extends RuntimeException {
        public CommandFailedException(String message) {
            super(message);
        }

        public CommandFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mcp-gateway " + GatewayVersion.current()};
        }
    }
}
