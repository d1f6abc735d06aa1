package dev.awsmcp.gateway.toolset;

import dev.awsmcp.gateway.aws.AwsClientFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsetRegistryTest {

    @TempDir
    Path dir;

    // One shared client factory, as in the gateway: its Netty event loop takes seconds to shut down.
    private static final AwsClientFactory clients = new AwsClientFactory(4);

    @AfterAll
    static void close() {
        clients.close();
    }

    private ToolsetRegistry registry(String toolsetsYaml) throws Exception {
        Path file = dir.resolve("g.yaml");
        Files.writeString(file, "toolsets:\n" + toolsetsYaml);
        GatewayConfig config = new ConfigLoader(k -> null).load(file);
        return ToolsetRegistry.create(config, clients);
    }

    /** A toolset whose one tool names resources of {@code toolKinds} while the toolset declares {@code declared}. */
    private static dev.awsmcp.toolset.api.ToolsetFactory kindsFactory(java.util.List<dev.awsmcp.toolset.api.ResourceKind> declared,
            String... toolKinds) {
        return new dev.awsmcp.toolset.api.ToolsetFactory() {
            @Override
            public String type() {
                return "kinds";
            }

            @Override
            public dev.awsmcp.toolset.api.Toolset create(dev.awsmcp.toolset.api.ToolsetConfig config,
                    dev.awsmcp.toolset.api.ToolsetContext context) {
                return new EchoLike(declared, toolKinds);
            }
        };
    }

    private record EchoLike(java.util.List<dev.awsmcp.toolset.api.ResourceKind> declared, String[] toolKinds)
            implements dev.awsmcp.toolset.api.Toolset {
        @Override
        public java.util.List<dev.awsmcp.toolset.api.ToolSpec> tools() {
            return java.util.List.of(dev.awsmcp.toolset.api.ToolSpec.builder("read").title("Read").description("Reads.")
                    .inputSchema(dev.awsmcp.toolset.support.Json.object().put("type", "object")).access(dev.awsmcp.toolset.api.Access.READ)
                    .resources(arguments -> java.util.List.of(), toolKinds).build());
        }

        @Override
        public java.util.List<dev.awsmcp.toolset.api.ResourceKind> resourceKinds() {
            return declared;
        }

        @Override
        public java.util.concurrent.CompletionStage<dev.awsmcp.toolset.api.ToolResult> call(dev.awsmcp.toolset.api.ToolCall call,
                dev.awsmcp.toolset.api.CallContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.concurrent.CompletionStage<dev.awsmcp.toolset.api.Health> check(dev.awsmcp.toolset.api.CallContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private ToolsetRegistry kindsRegistry(dev.awsmcp.toolset.api.ToolsetFactory factory) throws Exception {
        Path file = dir.resolve("k.yaml");
        Files.writeString(file, "toolsets:\n  - { id: k, type: kinds, region: us-east-1 }\n");
        return ToolsetRegistry.create(new ConfigLoader(k -> null).load(file), clients, java.util.Map.of("kinds", factory));
    }

    @Test
    void startupRefusesAToolNamingAResourceKindItsToolsetDoesNotDeclare() throws Exception {
        var table = dev.awsmcp.toolset.dynamodb.DynamoDbResources.TABLE_KIND;
        assertThatThrownBy(() -> kindsRegistry(kindsFactory(java.util.List.of(table), "table", "alarm")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tool 'read' names resource kinds").hasMessageContaining("declares only [table]");
        assertThatThrownBy(() -> kindsRegistry(kindsFactory(java.util.List.of(table, table), "table")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("declared twice");
        try (ToolsetRegistry registry = kindsRegistry(kindsFactory(java.util.List.of(table), "table"))) {
            assertThat(registry.find("k__read")).isPresent();
        }
    }

    @Test
    void discoversFactoriesWithServiceLoader() {
        assertThat(ToolsetRegistry.discoverFactories()).containsKey("test-echo");
    }

    @Test
    void exposesToolsUnderIdAndSeparatorWithOptions() throws Exception {
        try (ToolsetRegistry registry = registry("  - { id: echo-a, type: test-echo, region: eu-west-1, greeting: hi }\n"
                + "  - { id: echo-b, type: test-echo, region: us-east-1 }\n")) {
            assertThat(registry.tools()).extracting(RegisteredTool::name)
                    .contains("echo-a__echo", "echo-b__echo", "echo-b__sleep");
            assertThat(registry.find("echo-a__sleep")).isPresent();
            assertThat(registry.find("echo-a__nope")).isEmpty();
        }
    }

    @Test
    void writeToolsAreHiddenUnlessAccessNamesWrite() throws Exception {
        try (ToolsetRegistry registry = registry("  - { id: ro, type: test-echo, region: us-east-1 }\n"
                + "  - { id: rw, type: test-echo, region: us-east-1, access: [read, write] }\n")) {
            assertThat(registry.find("ro__fail")).as("WRITE tool of a read-only instance").isEmpty();
            assertThat(registry.find("ro__echo")).isPresent();
            assertThat(registry.find("rw__fail")).isPresent();
        }
        assertThatThrownBy(() -> registry("  - { id: e, type: test-echo, region: us-east-1, access: [admin] }\n"))
                .hasMessageContaining("toolsets[0].access: 'admin' is not one of read, write, invoke");
        assertThatThrownBy(() -> registry("  - { id: e, type: test-echo, region: us-east-1, access: [] }\n"))
                .hasMessageContaining("toolsets[0].access: must be a non-empty list");
    }

    @Test
    void bareNamesDropThePrefixOnlyWhereAskedAndStayUnique() throws Exception {
        try (ToolsetRegistry registry = registry("  - { id: bare, type: test-echo, region: us-east-1, bareNames: true }\n"
                + "  - { id: ns, type: test-echo, region: us-east-1 }\n")) {
            assertThat(registry.find("echo")).isPresent();
            assertThat(registry.find("ns__echo")).isPresent();
            assertThat(registry.find("bare__echo")).isEmpty();
        }
        assertThatThrownBy(() -> registry("  - { id: a, type: test-echo, region: us-east-1, bareNames: true }\n"
                + "  - { id: b, type: test-echo, region: us-east-1, bareNames: true }\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'echo' collides").hasMessageContaining("bareNames");
        assertThatThrownBy(() -> registry("  - { id: a, type: test-echo, region: us-east-1, bareNames: yes please }\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("toolsets[0].bareNames: must be true or false");
    }

    @Test
    void unknownTypeListsAvailableTypes() {
        assertThatThrownBy(() -> registry("  - { id: s, type: s4, region: us-east-1 }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("toolsets[0].type: unknown toolset type 's4'")
                .hasMessageContaining("test-echo");
    }

    @Test
    void unknownKeyOfAFactoryIsRejected() {
        assertThatThrownBy(() -> registry("  - { id: e, type: test-echo, region: us-east-1, greting: x }\n"))
                .hasMessageContaining("toolsets[0]: unknown key(s) [greting]")
                .hasMessageContaining("greeting");
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThatThrownBy(() -> registry("  - { id: e, type: test-echo, region: us-east-1 }\n  - { id: e, type: test-echo, region: us-east-1 }\n"))
                .hasMessageContaining("toolsets[1].id: 'e' is already used by toolsets[0]");
    }

    @Test
    void overlongToolNamesAreRejectedNamingTheEntry() {
        Path file = dir.resolve("short.yaml");
        assertThatThrownBy(() -> {
            Files.writeString(file, "toolNames: { maxLength: 10 }\ntoolsets:\n  - { id: echoes, type: test-echo, region: us-east-1 }\n");
            ToolsetRegistry.create(new ConfigLoader(k -> null).load(file), clients);
        }).hasMessageContaining("tool name 'echoes__echo' must be at most 10 characters");
    }

    @Test
    void anIdContainingTheSeparatorIsRejected() {
        Path file = dir.resolve("dash.yaml");
        assertThatThrownBy(() -> {
            Files.writeString(file, "toolNames: { separator: '-' }\ntoolsets:\n  - { id: echo-a, type: test-echo, region: us-east-1 }\n");
            ToolsetRegistry.create(new ConfigLoader(k -> null).load(file), clients);
        }).isInstanceOf(ConfigException.class).hasMessage("toolsets[0].id: 'echo-a' must not contain the tool name separator '-'");
    }

    @Test
    void invalidIdsAndRegionsAndEndpointsAreRejected() {
        assertThatThrownBy(() -> registry("  - { id: My_Id, type: test-echo, region: us-east-1 }\n")).hasMessageContaining("toolsets[0].id");
        assertThatThrownBy(() -> registry("  - { id: a__b, type: test-echo, region: us-east-1 }\n")).hasMessageContaining("separator");
        assertThatThrownBy(() -> registry("  - { id: e, type: test-echo, region: mars }\n")).hasMessageContaining("toolsets[0].region: 'mars'");
        assertThatThrownBy(() -> registry("  - { id: e, type: test-echo }\n")).hasMessageContaining("toolsets[0].region: required");
        assertThatThrownBy(() -> registry("  - { id: e, type: test-echo, region: us-east-1, endpoint: 'ftp://x' }\n"))
                .hasMessageContaining("toolsets[0].endpoint");
    }
}
