package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.GatewayVersion;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.LoggingConfig;
import dev.awsmcp.gateway.ops.LogFormat;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar mcp-gateway.jar}: the gateway's command line. */
@Command(name = "mcp-gateway",
        mixinStandardHelpOptions = true,
        versionProvider = GatewayCommand.Version.class,
        description = "One MCP endpoint for incident investigation across AWS services.")
public final class GatewayCommand implements Runnable {

    private static final String NETTY_JFR = "io.netty.jfr.enabled";

    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, DemoCommand.class, LocalAwsCommand.class,
            PolicyCommand.class, AuditCommand.class, GuardCommand.class, SessionsCommand.class, TrainingRunCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Netty 4.2 announces its buffer allocator's JFR events on the first allocation; registering an event type
        // starts JFR's metadata machinery, some 70 ms on the event loop in the middle of the first request. The
        // gateway records no JFR by default; -Dio.netty.jfr.enabled=true brings the events back for a recording.
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
        // GATEWAY_LOG_FORMAT=json holds from the first line; serve applies logging.format once the file is read.
        LogFormat.apply(new LoggingConfig(null));
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every subcommand and the gateway's error handling: configuration errors print one clear line. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name, with that subcommand alone.
     * picocli reads every registered command's annotations when the command line is made (some 60 ms for all of
     * them at a start), and its usage, errors and suggestions for that subcommand are the same either way; any
     * other first argument (none, an option, a misspelled name) gets them all.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new GatewayCommand());
        List<Class<?>> named = args.length == 0 ? List.of()
                : SUBCOMMANDS.stream().filter(type -> type.getAnnotation(Command.class).name().equals(args[0])).toList();
        (named.isEmpty() ? SUBCOMMANDS : named).forEach(cli::addSubcommand);
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
