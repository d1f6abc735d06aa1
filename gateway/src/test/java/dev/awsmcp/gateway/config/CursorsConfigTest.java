package dev.awsmcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cursors} section: a random key by default, a configured key of at least 32 bytes, never shown. */
class CursorsConfigTest {

    private static final String KEY = "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=";
    private static final String SHORT_KEY = "c2hvcnQta2V5LTE2Ynl0ZQ==";

    @TempDir
    Path dir;

    private CursorsConfig load(String yaml, Map<String, String> environment) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(environment::get).load(file).cursors();
    }

    private CursorsConfig load(String yaml) throws Exception {
        return load(yaml, Map.of());
    }

    @Test
    void withoutAKeyEachProcessDrawsOneAndCursorsLiveAnHour() throws Exception {
        CursorsConfig cursors = load("cursors: { key: \"${GATEWAY_CURSOR_KEY:}\" }");

        assertThat(cursors.keyBytes()).isEmpty();
        assertThat(cursors.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(load("").keyBytes()).isEmpty();
    }

    @Test
    void aConfiguredKeySealsAndPreviousKeysFollowIt() throws Exception {
        CursorsConfig cursors = load("cursors: { key: \"${GATEWAY_CURSOR_KEY}\", previousKeys: [\"" + KEY.replace('+', '-').replace('/', '_')
                + "\"], ttl: 15m }", Map.of("GATEWAY_CURSOR_KEY", KEY));

        assertThat(cursors.keyBytes()).hasSize(2);
        assertThat(cursors.keyBytes().get(0)).hasSize(32).isEqualTo(cursors.keyBytes().get(1));
        assertThat(cursors.ttl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(cursors.toString()).doesNotContain(KEY).contains("key=(set)");
    }

    @Test
    void mistakesNameTheKeyAndTheFixButNeverQuoteTheKey() {
        assertThatThrownBy(() -> load("cursors: { key: \"" + SHORT_KEY + "\" }"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.yaml: cursors.key: decodes to 16 bytes, fewer than 32; generate a key with: openssl rand -base64 32")
                .hasMessageNotContaining(SHORT_KEY);
        assertThatThrownBy(() -> load("cursors: { key: \"not base64 at all!\" }"))
                .hasMessageContaining("gateway.yaml: cursors.key: not base64; generate a key with: openssl rand -base64 32")
                .hasMessageNotContaining("at all");
        assertThatThrownBy(() -> load("cursors: { key: \"" + KEY + "\", previousKeys: [\"" + SHORT_KEY + "\"] }"))
                .hasMessageContaining("cursors.previousKeys[0]: decodes to 16 bytes");
        assertThatThrownBy(() -> load("cursors: { previousKeys: [\"" + KEY + "\"] }"))
                .hasMessageContaining("cursors.previousKeys: only with cursors.key");
        assertThatThrownBy(() -> load("cursors: { ttl: 2d }"))
                .hasMessageContaining("cursors.ttl: '2d' is not a duration");
        assertThatThrownBy(() -> load("cursors: { ttl: 25h }"))
                .hasMessageContaining("cursors.ttl: 25h is longer than 24h");
        assertThatThrownBy(() -> load("cursors: { secret: x }"))
                .hasMessageContaining("cursors.secret: unknown key; known keys here: key, previousKeys, ttl");
    }
}
