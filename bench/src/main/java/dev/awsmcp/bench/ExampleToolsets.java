package dev.awsmcp.bench;

import dev.awsmcp.gateway.aws.AwsClientFactory;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.policy.PolicyLoader;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real toolsets of every type the repository's example policies ({@code policies/}) grant, on an endpoint nothing
 * answers (benchmarks of what happens before AWS), and the loader of those policies. Close it after the benchmark.
 *
 * @param config the configuration the toolsets come from
 * @param clients the AWS client factory the toolsets were built with
 * @param registry the toolsets
 */
record ExampleToolsets(GatewayConfig config, AwsClientFactory clients, ToolsetRegistry registry) implements AutoCloseable {

    /** The example policies' directory, relative to the repository root the benchmarks run from. */
    static final Path POLICIES = Path.of("policies");

    static ExampleToolsets create() throws IOException {
        Path file = Files.createTempDirectory("bench-toolsets").resolve("gateway.yaml");
        Files.writeString(file, """
                toolsets:
                  - { id: ddb, type: dynamodb, region: us-east-1, endpoint: "http://127.0.0.1:9" }
                  - { id: s3, type: s3, region: us-east-1, endpoint: "http://127.0.0.1:9" }
                  - { id: logs, type: logs, region: us-east-1, endpoint: "http://127.0.0.1:9" }
                  - { id: lambda, type: lambda, region: us-east-1, endpoint: "http://127.0.0.1:9" }
                  - { id: cw, type: cloudwatch, region: us-east-1, endpoint: "http://127.0.0.1:9" }
                """);
        GatewayConfig config = new ConfigLoader(name -> null).load(file);
        AwsClientFactory clients = new AwsClientFactory(2);
        return new ExampleToolsets(config, clients, ToolsetRegistry.create(config, clients));
    }

    /** Loads {@link #POLICIES} against these toolsets. */
    PolicyLoader policyLoader() {
        return new PolicyLoader(registry, config.limits());
    }

    @Override
    public void close() {
        registry.close();
        clients.close();
    }
}
