package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.ops.LogFormat;
import dev.awsmcp.gateway.server.GatewayRuntime;
import dev.awsmcp.gateway.server.HttpGateway;
import dev.awsmcp.gateway.server.StdioGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the gateway from a configuration file, over HTTP or stdio. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "Gateway configuration file (YAML).")
    Path config;

    @Option(names = "--stdio", description = "Serve one client over stdin/stdout instead of HTTP (desktop clients).")
    boolean stdio;

    @Override
    public Integer call() throws Exception {
        GatewayConfig gatewayConfig = new ConfigLoader().load(config);
        LogFormat.apply(gatewayConfig.logging());
        if (stdio) {
            try (GatewayRuntime runtime = GatewayRuntime.create(gatewayConfig)) {
                runtime.startDeferredWork();
                StdioGateway.run(runtime);
            }
            return 0;
        }
        runHttp(GatewayRuntime.create(gatewayConfig), null);
        return 0;
    }

    /**
     * Serves over HTTP until SIGTERM/SIGINT (or any JVM stop); {@code started} runs once the port is
     * bound. On the way out: drain (server.drainTimeout), close sessions and the listener, then the
     * runtime (audit sinks flushed last).
     */
    static void runHttp(GatewayRuntime runtime, java.util.function.Consumer<HttpGateway> started) throws Exception {
        HttpGateway gateway;
        try {
            gateway = HttpGateway.start(runtime);
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
        Duration drainTimeout = runtime.config().server().drainTimeout();
        GracefulShutdown shutdown = GracefulShutdown.install(() -> {
            gateway.shutdown(drainTimeout);
            runtime.close();
        });
        if (started != null) {
            started.accept(gateway);
        }
        shutdown.await();
    }
}
