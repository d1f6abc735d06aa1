package dev.awsmcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sessions} section: memory by default, DynamoDB with a table and region, strict about the rest. */
class SessionsConfigTest {

    @TempDir
    Path dir;

    private SessionsConfig load(String yaml) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(k -> null).load(file).sessions();
    }

    @Test
    void memoryIsTheDefault() throws Exception {
        SessionsConfig sessions = load("");
        assertThat(sessions.store()).isEqualTo("memory");
        assertThat(sessions.shared()).isFalse();
        assertThat(sessions.ttlOr(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void dynamodbDefaultsItsTableAndTakesTheIdleTimeoutAsTtl() throws Exception {
        SessionsConfig sessions = load("sessions: { store: dynamodb, region: eu-west-1 }");
        assertThat(sessions.shared()).isTrue();
        assertThat(sessions.table()).isEqualTo("mcp-gateway-sessions");
        assertThat(sessions.endpointUri()).isNull();
        assertThat(sessions.callTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(sessions.ttlOr(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
        SessionsConfig explicit = load("sessions: { store: dynamodb, table: t1-sessions, region: us-east-1, endpoint: \"http://127.0.0.1:5000\", ttl: 1h }");
        assertThat(explicit.ttlOr(Duration.ofMinutes(30))).isEqualTo(Duration.ofHours(1));
        assertThat(explicit.endpointUri()).hasToString("http://127.0.0.1:5000");
    }

    @Test
    void mistakesNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> load("sessions: { store: redis }"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gateway.yaml: sessions.store: 'redis' is not a store; use memory");
        assertThatThrownBy(() -> load("sessions: { store: dynamodb }"))
                .hasMessageContaining("sessions.region: required with store: dynamodb");
        assertThatThrownBy(() -> load("sessions: { table: x-sessions }"))
                .hasMessageContaining("sessions.table: only with store: dynamodb; remove it or set sessions.store: dynamodb");
        assertThatThrownBy(() -> load("sessions: { store: dynamodb, region: us-east-1, ttl: forever }"))
                .hasMessageContaining("sessions.ttl: 'forever' is not a duration");
        assertThatThrownBy(() -> load("sessions: { store: dynamodb, region: us-east-1, endpoint: localhost }"))
                .hasMessageContaining("sessions.endpoint: 'localhost' is not an http(s) URL");
        assertThatThrownBy(() -> load("sessions: { store: dynamodb, region: us-east-1, tabel: x }"))
                .hasMessageContaining("sessions.tabel: unknown key; known keys here:").hasMessageContaining("table");
    }
}
