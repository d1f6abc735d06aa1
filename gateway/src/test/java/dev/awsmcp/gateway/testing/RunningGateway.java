package dev.awsmcp.gateway.testing;

import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.server.GatewayRuntime;
import dev.awsmcp.gateway.server.HttpGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real gateway on a random loopback port, configured from YAML text, for end-to-end tests. */
public final class RunningGateway implements AutoCloseable {

    private final GatewayRuntime runtime;
    private final HttpGateway http;

    private RunningGateway(GatewayRuntime runtime, HttpGateway http) {
        this.runtime = runtime;
        this.http = http;
    }

    /** Starts a gateway; {@code yaml} is a whole configuration file ({@code port: 0} is forced). */
    public static RunningGateway start(String yaml) {
        try {
            Path file = Files.createTempFile("gateway", ".yaml");
            Files.writeString(file, yaml);
            GatewayConfig config = new ConfigLoader().load(file);
            GatewayConfig onRandomPort = new GatewayConfig(new dev.awsmcp.gateway.config.ServerConfig(
                    config.server().host(), 0, config.server().path(), config.server().allowedOrigins(),
                    config.server().allowedHosts(), config.server().maxRequestBytes(), config.server().sessionIdleTimeout(),
                    config.server().maxSessions()), config.toolNames(), config.toolsets(), config.limits());
            GatewayRuntime runtime = GatewayRuntime.create(onRandomPort);
            try {
                return new RunningGateway(runtime, HttpGateway.start(runtime));
            } catch (Exception e) {
                runtime.close();
                throw new IllegalStateException(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gateway serving the test-echo toolset as {@code t__*}, with {@code extraServerYaml} under server. */
    public static RunningGateway echo(String extraServerYaml) {
        return start("server:\n  host: 127.0.0.1\n" + extraServerYaml.indent(2)
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read, write] }\nlimits: { callTimeout: 2s }\n");
    }

    public URI url() {
        return http.mcpUrl();
    }

    public HttpGateway http() {
        return http;
    }

    @Override
    public void close() {
        http.close();
        runtime.close();
    }
}
