package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.SessionsConfig;
import dev.awsmcp.gateway.session.SessionStores;
import dev.awsmcp.gateway.session.SessionTable;
import dev.awsmcp.gateway.aws.AwsClientFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** {@code sessions init-table}: create the DynamoDB session table of a configuration. */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "Work with the session store.",
        subcommands = {SessionsCommand.InitTable.class})
final class SessionsCommand {

    @Command(name = "init-table", mixinStandardHelpOptions = true,
            description = "Create the DynamoDB session table of sessions.table (partition key sessionId, on-demand, TTL on ttl) "
                    + "with the gateway's own AWS credentials; an existing table is checked and kept. Exit 0 when the table is ready.")
    static final class InitTable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", defaultValue = "config/gateway.yaml", description = "Gateway configuration file (default: ${DEFAULT-VALUE}).")
        Path config;

        @Override
        public Integer call() {
            SessionsConfig sessions = new ConfigLoader().load(config).sessions();
            if (!sessions.shared()) {
                throw new GatewayCommand.CommandFailedException(config + ": sessions.store is memory, which needs no table; set "
                        + "sessions: { store: dynamodb, table: mcp-gateway-sessions, region: <region> } to share sessions between instances");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (AwsClientFactory clients = new AwsClientFactory(4);
                    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
                    DynamoDbAsyncClient client = SessionStores.client(sessions, clients, credentials)) {
                for (String step : new SessionTable(client).ensure(sessions.table())) {
                    out.println(step);
                }
                out.printf("session table %s ready in %s%s%n", sessions.table(), sessions.region(),
                        sessions.endpoint() == null ? "" : " at " + sessions.endpoint());
                out.flush();
                return 0;
            } catch (CompletionException | IllegalStateException e) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                throw new GatewayCommand.CommandFailedException("cannot create the session table " + sessions.table() + ": "
                        + cause.getMessage() + " (the gateway's credentials need dynamodb:CreateTable, DescribeTable, "
                        + "DescribeTimeToLive and UpdateTimeToLive on it)", cause);
            }
        }
    }
}
