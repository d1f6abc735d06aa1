package dev.awsmcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code taint} section: how long the taint of requests without a session lasts, 1h unless set, within 1m..168h. */
class TaintConfigTest {

    @TempDir
    Path dir;

    private TaintConfig load(String yaml) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(name -> null).load(file).taint();
    }

    @Test
    void theWindowIsAnHourUnlessSet() throws Exception {
        assertThat(load("").window()).isEqualTo(Duration.ofHours(1));
        assertThat(load("taint: { window: 15m }").window()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aWindowOutsideAMinuteToAWeekStopsStartup() {
        assertThatThrownBy(() -> load("taint: { window: 30s }")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.yaml: taint.window: 30s is outside 1m..168h");
        assertThatThrownBy(() -> load("taint: { window: 169h }")).hasMessageContaining("taint.window: 169h is outside 1m..168h");
        assertThatThrownBy(() -> load("taint: { windw: 1h }")).hasMessageContaining("taint.windw: unknown key");
    }
}
