package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.cli.GatewayCommand.CommandFailedException;
import dev.awsmcp.testkit.MotoServer;
import dev.awsmcp.testkit.MotoServerException;
import dev.awsmcp.testkit.MotoServerOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code local-aws}: starts the AWS emulator (moto server) on loopback and seeds it. */
@Command(name = "local-aws", mixinStandardHelpOptions = true,
        description = "Start a local AWS emulator (moto server on 127.0.0.1) and seed it.")
final class LocalAwsCommand implements Callable<Integer> {

    /** What to load into the emulator. */
    enum Seed { demo, none }

    static final String REGION = "us-east-1";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "5000", description = "Port of the emulator (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--seed", defaultValue = "demo", description = "Data to load: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Seed seed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        MotoServer moto = start(port, seed);
        out.printf("Local AWS (moto) at %s, region %s%n", moto.endpoint(), REGION);
        out.printf("  export AWS_ENDPOINT_URL=%s AWS_REGION=%s AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing%n",
                moto.endpoint(), REGION);
        out.printf("  emulator log: %s%nPress Ctrl-C to stop.%n", moto.logFile());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "local-aws-shutdown"));
        stopped.await();
        return 0;
    }

    /** Starts moto on {@code port} and loads {@code seed}; the caller owns the returned server. */
    static MotoServer start(int port, Seed seed) {
        MotoServer moto;
        try {
            moto = MotoServer.start(MotoServerOptions.DEFAULT.withPort(port));
        } catch (MotoServerException e) {
            throw new CommandFailedException("cannot start the local AWS emulator: " + e.getMessage(), e);
        }
        try {
            if (seed == Seed.demo) {
                System.err.println(DemoScenario.seed(moto.endpoint(), REGION));
            }
            return moto;
        } catch (RuntimeException e) {
            moto.close();
            throw e;
        }
    }
}
