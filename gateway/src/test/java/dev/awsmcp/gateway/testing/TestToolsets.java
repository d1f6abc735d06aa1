package dev.awsmcp.gateway.testing;

import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.policy.PolicyLoader;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real toolsets of a gateway configuration, without a running gateway: for tests of what is checked against them
 * (policy files, roles). Close it to close the registry and its AWS clients.
 */
public final class TestToolsets implements AutoCloseable {

    private final AwsClientFactory clients;
    private final GatewayConfig config;
    private final ToolsetRegistry registry;

    private TestToolsets(AwsClientFactory clients, GatewayConfig config, ToolsetRegistry registry) {
        this.clients = clients;
        this.config = config;
        this.registry = registry;
    }

    /** The toolsets of {@code yaml} (a gateway configuration file's text), written to {@code dir} and loaded as the gateway does. */
    public static TestToolsets of(Path dir, String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("gateway.yaml"), yaml);
        GatewayConfig config = new ConfigLoader(n -> null).load(file);
        AwsClientFactory clients = new AwsClientFactory(2);
        return new TestToolsets(clients, config, ToolsetRegistry.create(config, clients));
    }

    public ToolsetRegistry registry() {
        return registry;
    }

    /** A policy loader for these toolsets and the configuration's limits. */
    public PolicyLoader policyLoader() {
        return new PolicyLoader(registry, config.limits());
    }

    @Override
    public void close() {
        registry.close();
        clients.close();
    }
}
