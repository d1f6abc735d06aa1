package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.ops.LogFormat;
import dev.awsmcp.gateway.server.GatewayRuntime;
import dev.awsmcp.testkit.MotoServer;
import dev.awsmcp.testkit.MotoServerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code training-run}: the workload the JVM's class-data archive is recorded from ({@code bin/build-archive},
 * docs/performance.md). Serves exactly as {@code serve} does, with every feature of a production configuration on
 * (API-key auth, a team policy with session policies, STS roles, schema validation, the guard, a durable audit file,
 * metrics and health on the admin listener), drives it through a short real session ({@link TrainingWorkload}), then
 * exits, which is when the JVM writes the archive. AWS is a local moto when Python has it, else a closed port (the
 * calls then fail at connect, after the gateway's own path and the SDK's request path ran; no roles, as STS would fail first). Exits 1 when the gateway did not answer as it must,
 * so a build never records a broken run. Hidden: only the archive script calls it.
 */
@Command(name = "training-run", hidden = true, mixinStandardHelpOptions = true,
        description = "Serve a short, real workload and exit (records the JVM's class-data archive; see bin/build-archive).")
final class TrainingRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--aws", defaultValue = "auto", description = "auto: a local moto when Python has it, else none; none: a closed port.")
    String aws;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("mcp-gateway-training");
        MotoServer moto = "none".equals(aws) ? null : startMoto(out);
        try {
            String endpoint = moto != null ? moto.endpoint().toString() : "http://127.0.0.1:" + closedPort();
            DemoKeys keys = DemoKeys.create(java.util.List.of("training"));
            TrainingWorkload.writePolicy(work);
            GatewayConfig config = new ConfigLoader(name -> switch (name) {
                case "TRAINING_DIR" -> work.toString();
                case "TRAINING_KEYS" -> keys.file().toString();
                case "TRAINING_AWS" -> endpoint;
                default -> System.getenv(name);
            }).load(TrainingWorkload.writeConfig(work, moto != null));
            LogFormat.apply(config.logging());
            DemoCommand.useEmulatorCredentials();
            AtomicInteger exit = new AtomicInteger(1);
            ServeCommand.runHttp(GatewayRuntime.create(config), gateway -> {
                TrainingWorkload.Result result = new TrainingWorkload(gateway, keys.key("training"), moto != null ? 2 : 1).run();
                out.printf("training-run: %s (AWS: %s)%n", result, moto != null ? "moto " + endpoint : "none, calls fail at connect");
                out.flush();
                exit.set(result.ok() ? 0 : 1);
                // The shutdown hook drains and closes the gateway, as SIGTERM would; the JVM writes the archive on exit.
                new Thread(() -> System.exit(exit.get()), "training-exit").start();
            });
            return exit.get();
        } finally {
            if (moto != null) {
                moto.close();
            }
        }
    }

    private static MotoServer startMoto(PrintWriter out) {
        try {
            MotoServer moto = MotoServer.start();
            moto.post("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
            return moto;
        } catch (MotoServerException e) {
            out.printf("training-run: no local AWS (%s); the calls will fail at connect%n", e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
