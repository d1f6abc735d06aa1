package dev.awsmcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code admin} and {@code logging} sections as operators write them. */
class AdminConfigTest {

    private static GatewayConfig load(String yaml) throws IOException {
        Path file = Files.createTempFile("gateway", ".yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(name -> null).load(file);
    }

    @Test
    void defaultsBindTheAdminListenerToLoopbackOn9464WithTextLogs() throws IOException {
        GatewayConfig config = load("server: { port: 8080 }\n");
        assertThat(config.admin()).isEqualTo(new AdminConfig(true, "127.0.0.1", 9464, Duration.ofSeconds(15), Duration.ofSeconds(5), "toolsets",
                new ConsoleConfig(true, java.util.List.of())));
        assertThat(config.logging().format()).isEqualTo("text");
    }

    @Test
    void readsEveryKey() throws IOException {
        GatewayConfig config = load("admin: { enabled: false, host: 0.0.0.0, port: 0, toolsetCheckTtl: 1m, toolsetCheckTimeout: 2s, readiness: gateway }\n"
                + "logging: { format: json }\n");
        assertThat(config.admin()).isEqualTo(new AdminConfig(false, "0.0.0.0", 0, Duration.ofMinutes(1), Duration.ofSeconds(2), "gateway",
                new ConsoleConfig(true, java.util.List.of())));
        assertThat(config.logging().json()).isTrue();
    }

    @Test
    void readsTheConsoleAdmins() throws IOException {
        GatewayConfig config = load("admin: { host: 0.0.0.0, console: { admins: [ { group: security-reviewers }, { apiKey: console-bot } ] } }\n");
        assertThat(config.admin().console()).isEqualTo(new ConsoleConfig(true, java.util.List.of(
                new ConsoleConfig.Admin("security-reviewers", null, null), new ConsoleConfig.Admin(null, "console-bot", null))));
    }

    @Test
    void badValuesNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> load("admin: { port: 70000 }\n")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("admin.port: 70000 is not a TCP port; use 0..65535");
        assertThatThrownBy(() -> load("admin: { toolsetCheckTtl: 0s }\n")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("admin.toolsetCheckTtl: must be greater than zero");
        assertThatThrownBy(() -> load("admin: { prot: 1 }\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.prot: unknown key; known keys here: console, enabled, host, port, readiness, toolsetCheckTimeout, toolsetCheckTtl");
        assertThatThrownBy(() -> load("admin: { readiness: aws }\n")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("admin.readiness: 'aws' is not one of toolsets, gateway (default toolsets;"
                        + " gateway keeps /health/ready on the gateway's own checks)");
        assertThatThrownBy(() -> load("admin: { console: { admins: [ { group: a, apiKey: b } ] } }\n")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("admin.console.admins[0]: give exactly one of group, apiKey, principal, e.g. { group: security-reviewers }");
        assertThatThrownBy(() -> load("admin: { console: { admins: [ { team: a } ] } }\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.console.admins[0].team: unknown key");
        assertThatThrownBy(() -> load("logging: { format: yaml }\n")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("logging.format: 'yaml' is not one of [text, json]");
    }
}
