package dev.awsmcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(env::get).load(file);
    }

    private GatewayConfig load(String yaml) throws Exception {
        return load(yaml, Map.of());
    }

    @Test
    void emptyFileGivesSafeDefaults() throws Exception {
        GatewayConfig config = load("");
        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.server().path()).isEqualTo("/mcp");
        assertThat(config.server().maxRequestBytes()).isEqualTo(1_048_576);
        assertThat(config.toolNames().separator()).isEqualTo("__");
        assertThat(config.limits().resultLimits().maxRows()).isEqualTo(1000);
        assertThat(config.toolsets()).isEmpty();
        assertThat(config.server().drainTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void clientLimitsHaveDefaults() throws Exception {
        GatewayConfig config = load("");
        assertThat(config.server().maxSessionsPerPrincipal()).isEqualTo(100);
        assertThat(config.server().sessionStartsPerMinute()).isEqualTo(60);
        assertThat(config.server().connections()).isEqualTo(new ConnectionsConfig(Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(30), 256));
        assertThat(config.limits().maxArgumentBytes()).isEqualTo(327_680);
        assertThat(config.limits().maxArgumentValues()).isEqualTo(1000);
        assertThat(config.limits().maxArgumentDepth()).isEqualTo(32);
    }

    @Test
    void theCatalogIsFullUnlessCompactIsAskedFor() throws Exception {
        assertThat(load("").server().compactCatalog()).isFalse();
        GatewayConfig compact = load("server: { catalog: compact, recentTools: 5 }\n");
        assertThat(compact.server().compactCatalog()).isTrue();
        assertThat(compact.server().recentTools()).isEqualTo(5);
        assertThat(load("server: { catalog: compact }\n").server().recentTools()).isEqualTo(8);
        assertThatThrownBy(() -> load("server: { catalog: small }\n"))
                .hasMessageEndingWith(": server.catalog: 'small' is not one of full, compact (default full; compact lists search_tools and "
                        + "the tools a team called recently)");
        assertThatThrownBy(() -> load("server: { recentTools: 0 }\n"))
                .hasMessageEndingWith(": server.recentTools: 0 is out of range; use 1..64 (default 8)");
    }

    @Test
    void theHeapIsGivenBackAfterFifteenQuietSecondsUnlessSetOtherwise() throws Exception {
        assertThat(load("").server().idleHeapReturn()).isEqualTo(java.time.Duration.ofSeconds(15));
        assertThat(load("server: { idleHeapReturn: 2m }\n").server().idleHeapReturn()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(load("server: { idleHeapReturn: off }\n").server().idleHeapReturn()).isZero();
        assertThatThrownBy(() -> load("server: { idleHeapReturn: 500ms }\n"))
                .hasMessageEndingWith(": server.idleHeapReturn: 500ms is out of range; use 1s..24h, or 0 to keep the heap a burst committed"
                        + " (default 15s)");
    }

    @Test
    void badClientLimitsNameTheFileTheKeyAndTheFix() {
        assertThatThrownBy(() -> load("server: { connections: { idleTimeout: soon } }\n"))
                .hasMessage(dir.resolve("gateway.yaml") + ": server.connections.idleTimeout: 'soon' is not a duration; write e.g. 500ms, 30s, 15m or 1h");
        assertThatThrownBy(() -> load("server: { connections: { idleTimeout: 500ms } }\n"))
                .hasMessageEndingWith(": server.connections.idleTimeout: 500ms is too short; use at least 1s");
        assertThatThrownBy(() -> load("server: { connections: { maxPerAddress: -1 } }\n"))
                .hasMessageEndingWith(": server.connections.maxPerAddress: -1 is negative; use a count of connections, or 0 for no cap");
        assertThatThrownBy(() -> load("server: { connections: { idle: 1m } }\n"))
                .hasMessageEndingWith(": server.connections.idle: unknown key; known keys here: bodyTimeout, headerTimeout, idleTimeout, maxPerAddress");
        assertThatThrownBy(() -> load("server: { maxSessionsPerPrincipal: 0 }\n"))
                .hasMessageEndingWith(": server.maxSessionsPerPrincipal: 0 must be at least 1");
        assertThatThrownBy(() -> load("server: { sessionStartsPerMinute: 0 }\n"))
                .hasMessageEndingWith(": server.sessionStartsPerMinute: 0 must be at least 1");
        assertThatThrownBy(() -> load("limits: { maxArgumentBytes: 10 }\n"))
                .hasMessageEndingWith(": limits.maxArgumentBytes: 10 is too small; use at least 1024");
        assertThatThrownBy(() -> load("limits: { maxArgumentValues: 0 }\n"))
                .hasMessageEndingWith(": limits.maxArgumentValues: 0 must be at least 1");
        assertThatThrownBy(() -> load("limits: { maxArgumentDepth: 100 }\n"))
                .hasMessageEndingWith(": limits.maxArgumentDepth: 100 is out of range; use 1 to 64");
    }

    @Test
    void drainTimeoutThatIsNoDurationNamesTheKeyAndTheForm() {
        assertThatThrownBy(() -> load("server: { drainTimeout: soon }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.drainTimeout: 'soon' is not a duration; write e.g. 500ms, 30s");
    }

    @Test
    void shippedConfigurationFilesLoad() {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        for (String name : new String[] {"config/gateway.yaml", "config/demo.yaml"}) {
            GatewayConfig config = new ConfigLoader(k -> k.equals("DEMO_API_KEYS_FILE") ? "/tmp/keys.yaml" : null).load(root.resolve(name));
            assertThat(config.toolsets()).as(name).isNotEmpty();
        }
    }

    @Test
    void interpolatesEnvironmentWithDefaults() throws Exception {
        GatewayConfig config = load("server:\n  port: ${PORT:9000}\n  host: \"${HOST}\"\n  path: \"${P:/x}\"\n", Map.of("HOST", "0.0.0.0"));
        assertThat(config.server().port()).isEqualTo(9000);
        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(config.server().path()).isEqualTo("/x");
    }

    @Test
    void unsetVariableWithoutDefaultNamesKeyAndVariable() {
        assertThatThrownBy(() -> load("server: { host: \"${GATEWAY_BIND}\" }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.yaml")
                .hasMessageContaining("server.host")
                .hasMessageContaining("GATEWAY_BIND is not set");
    }

    @Test
    void unknownKeyIsRejectedWithTheKnownKeys() {
        assertThatThrownBy(() -> load("server:\n  prot: 8080\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.prot: unknown key")
                .hasMessageContaining("port");
        assertThatThrownBy(() -> load("audit: { sink: [] }\n"))
                .hasMessageContaining("audit.sink: unknown key");
    }

    @Test
    void auditSectionIsStrictAndDefaultsToOneDurableFile() throws Exception {
        GatewayConfig defaults = load("{}");
        assertThat(defaults.audit().sinks()).containsExactly(new FileSinkConfig("audit/audit.jsonl", true, 104_857_600L, 10));
        assertThat(defaults.audit().onOverload()).isEqualTo("refuse");
        assertThatThrownBy(() -> load("audit: { sinks: [ { type: syslog } ] }\n"))
                .hasMessageContaining("audit.sinks[0].type: 'syslog' is not a known type; use one of file, cloudwatch-logs");
        assertThatThrownBy(() -> load("audit: { sinks: [ { path: a.jsonl } ] }\n"))
                .hasMessageContaining("audit.sinks[0].type: required");
        assertThatThrownBy(() -> load("audit: { sinks: [ { type: file, pth: a.jsonl } ] }\n"))
                .hasMessageContaining("pth: unknown key").hasMessageContaining("maxFileBytes");
        assertThatThrownBy(() -> load("audit: { sinks: [ { type: cloudwatch-logs, region: us-east-1 } ] }\n"))
                .hasMessageContaining("logGroup: required");
        assertThatThrownBy(() -> load("audit: { sinks: [] }\n")).hasMessageContaining("audit.sinks: must name at least one sink");
        assertThatThrownBy(() -> load("audit: { onOverload: drop }\n")).hasMessageContaining("'drop' is not one of refuse, block");
    }

    @Test
    void wrongTypeNamesTheKey() {
        assertThatThrownBy(() -> load("server: { port: eighty }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.port");
    }

    @Test
    void invalidValuesNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> load("server: { port: 70000 }")).hasMessageContaining("server.port: 70000 is not a TCP port");
        assertThatThrownBy(() -> load("server: { path: mcp }")).hasMessageContaining("server.path: 'mcp' must start with '/'");
        assertThatThrownBy(() -> load("limits: { callTimeout: soon }")).hasMessageContaining("limits.callTimeout: 'soon' is not a duration");
        assertThatThrownBy(() -> load("limits: { defaultRows: 500, maxRows: 100 }")).hasMessageContaining("limits:");
        assertThatThrownBy(() -> load("toolNames: { separator: \".\" }")).hasMessageContaining("toolNames.separator");
    }

    @Test
    void duplicateKeysAndBrokenYamlAreRejected() {
        assertThatThrownBy(() -> load("server: { port: 1 }\nserver: { port: 2 }\n")).hasMessageContaining("server");
        assertThatThrownBy(() -> load("server: [\n")).hasMessageContaining("not valid YAML at line");
    }

    @Test
    void authSectionBindsWithDefaults() throws Exception {
        GatewayConfig config = load("auth:\n  apiKeys: { file: config/api-keys.yaml }\n"
                + "  jwt: { issuer: https://idp.example.com, audience: mcp-gateway, jwksUri: https://idp.example.com/jwks }\n"
                + "  stdio: { principal: alice, groups: [payments-oncall] }\n"
                + "  resourceUrl: https://gateway.example.com/mcp\n");
        assertThat(config.auth().apiKeys().file()).isEqualTo("config/api-keys.yaml");
        assertThat(config.auth().jwt().groupsClaim()).isEqualTo("groups");
        assertThat(config.auth().jwt().algorithms()).containsExactly("RS256", "ES256");
        assertThat(config.auth().jwt().clockSkew()).hasSeconds(60);
        assertThat(config.auth().stdio().groups()).containsExactly("payments-oncall");
        assertThat(config.auth().protectsHttp()).isTrue();
        assertThat(load("").auth().protectsHttp()).isFalse();
    }

    @Test
    void invalidAuthSettingsNameTheKeyAndTheFix() {
        String jwt = "auth:\n  jwt: { issuer: https://idp, audience: gw, jwksUri: https://idp/jwks";
        assertThatThrownBy(() -> load(jwt + ", algorithms: [HS256] }\n"))
                .hasMessageContaining("auth.jwt.algorithms: 'HS256' is not accepted");
        assertThatThrownBy(() -> load(jwt + ", algorithms: [none] }\n")).hasMessageContaining("auth.jwt.algorithms: 'none'");
        assertThatThrownBy(() -> load(jwt + ", clockSkew: 1h }\n")).hasMessageContaining("auth.jwt.clockSkew: 1h is too lenient");
        assertThatThrownBy(() -> load(jwt + ", audiences: [x] }\n")).hasMessageContaining("auth.jwt.audiences: unknown key");
        assertThatThrownBy(() -> load("auth:\n  jwt: { issuer: https://idp, jwksUri: https://idp/jwks }\n"))
                .hasMessageContaining("gateway.yaml: auth.jwt.audience: required");
        assertThatThrownBy(() -> load("auth:\n  jwt: { issuer: https://idp, audience: gw, jwksUri: http://idp/jwks }\n"))
                .hasMessageContaining("auth.jwt.jwksUri: 'http://idp/jwks' must be an https URL");
        assertThatThrownBy(() -> load("auth:\n  apiKeys: {}\n")).hasMessageContaining("auth.apiKeys.file: required");
        assertThatThrownBy(() -> load("auth:\n  apikeys: { file: x }\n"))
                .hasMessageContaining("auth.apikeys: unknown key; known keys here: apiKeys, jwt, resourceUrl, stdio");
        assertThatThrownBy(() -> load("auth:\n  resourceUrl: gateway.example.com/mcp\n"))
                .hasMessageContaining("auth.resourceUrl: 'gateway.example.com/mcp' must be an absolute http(s) URL");
        assertThatThrownBy(() -> load("auth:\n  stdio: { groups: [a] }\n")).hasMessageContaining("auth.stdio.principal: required");
    }

    @Test
    void missingFileSaysSo() {
        assertThatThrownBy(() -> new ConfigLoader().load(dir.resolve("nope.yaml"))).hasMessageContaining("nope.yaml: file not found");
    }
}
