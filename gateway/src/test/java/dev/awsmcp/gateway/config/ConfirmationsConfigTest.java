package dev.awsmcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code confirmations} section: no key by default, a configured key of at least 32 bytes, a short time to answer. */
class ConfirmationsConfigTest {

    private static final String KEY = "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=";

    @TempDir
    Path dir;

    private ConfirmationsConfig load(String yaml, Map<String, String> environment) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(environment::get).load(file).confirmations();
    }

    @Test
    void withoutAKeyThereIsNoneAndAPersonHasFiveMinutes() throws Exception {
        ConfirmationsConfig confirmations = load("confirmations: { key: \"${GATEWAY_CONFIRMATIONS_KEY:}\" }", Map.of());

        assertThat(confirmations.keyBytes()).isEmpty();
        assertThat(confirmations.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(confirmations.toString()).contains("key=none");
    }

    @Test
    void aConfiguredKeySealsAndIsNeverShown() throws Exception {
        ConfirmationsConfig confirmations = load("confirmations: { key: \"${GATEWAY_CONFIRMATIONS_KEY}\", previousKeys: [\"" + KEY
                + "\"], ttl: 2m }", Map.of("GATEWAY_CONFIRMATIONS_KEY", KEY));

        assertThat(confirmations.keyBytes()).hasSize(2);
        assertThat(confirmations.ttl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(confirmations.toString()).doesNotContain(KEY).contains("key=(set)");
    }

    @Test
    void mistakesNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> load("confirmations: { key: \"c2hvcnQta2V5LTE2Ynl0ZQ==\" }", Map.of()))
                .hasMessageContaining("gateway.yaml: confirmations.key: decodes to 16 bytes, fewer than 32; generate a key with: openssl rand -base64 32");
        assertThatThrownBy(() -> load("confirmations: { previousKeys: [\"" + KEY + "\"] }", Map.of()))
                .hasMessageContaining("confirmations.previousKeys: only with confirmations.key");
        assertThatThrownBy(() -> load("confirmations: { key: \"" + KEY + "\", ttl: 2h }", Map.of()))
                .hasMessageContaining("confirmations.ttl: 2h is longer than 1h");
    }
}
