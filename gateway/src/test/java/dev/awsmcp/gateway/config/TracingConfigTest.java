package dev.awsmcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code tracing} section: off unless enabled; OTLP over HTTP; bad values stop startup naming the key and the fix. */
class TracingConfigTest {

    @TempDir
    Path dir;

    private TracingConfig load(String yaml) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of("OTLP_KEY", "s3cret-key")::get).load(file).tracing();
    }

    @Test
    void tracingIsOffUnlessEnabledAndExportsToALocalCollectorByDefault() throws Exception {
        TracingConfig defaults = load("");
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.serviceName()).isEqualTo("mcp-gateway");
        assertThat(defaults.sampleRatio()).isEqualTo(1.0);
        assertThat(defaults.otlp().tracesUrl()).isEqualTo("http://127.0.0.1:4318/v1/traces");
        assertThat(defaults.otlp().protocol()).isEqualTo("http/protobuf");
        assertThat(defaults.otlp().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.otlp().compression()).isEqualTo("none");
        assertThat(load("tracing: { enabled: true }").enabled()).isTrue();
    }

    @Test
    void theExporterIsConfiguredFromTheFileWithSecretsFromTheEnvironment() throws Exception {
        TracingConfig config = load("""
                tracing:
                  enabled: true
                  serviceName: gateway-eu
                  sampleRatio: 0.25
                  otlp:
                    endpoint: https://otlp.example.com
                    headers: { x-api-key: "${OTLP_KEY}" }
                    timeout: 5s
                    compression: gzip
                """);
        assertThat(config.serviceName()).isEqualTo("gateway-eu");
        assertThat(config.sampleRatio()).isEqualTo(0.25);
        assertThat(config.otlp().tracesUrl()).as("a URL without a path gets the traces path").isEqualTo("https://otlp.example.com/v1/traces");
        assertThat(config.otlp().headers()).containsEntry("x-api-key", "s3cret-key");
        assertThat(config.otlp().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.toString()).contains("x-api-key").doesNotContain("s3cret-key");
        assertThat(load("tracing: { otlp: { endpoint: \"http://collector:4318/custom/traces\" } }").otlp().tracesUrl())
                .isEqualTo("http://collector:4318/custom/traces");
    }

    @Test
    void badValuesNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> load("tracing: { sampleRatio: 1.5 }")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.yaml: tracing.sampleRatio: 1.5 must be from 0 to 1");
        assertThatThrownBy(() -> load("tracing: { otlp: { protocol: grpc } }"))
                .hasMessageContaining("tracing.otlp.protocol: 'grpc' is not supported").hasMessageContaining("write http/protobuf");
        assertThatThrownBy(() -> load("tracing: { otlp: { endpoint: \"collector:4318\" } }"))
                .hasMessageContaining("tracing.otlp.endpoint: 'collector:4318' is not an http(s) URL")
                .hasMessageContaining("e.g. http://127.0.0.1:4318/v1/traces");
        assertThatThrownBy(() -> load("tracing: { otlp: { compression: zstd } }"))
                .hasMessageContaining("tracing.otlp.compression: 'zstd' is not one of gzip, none");
        assertThatThrownBy(() -> load("tracing: { otlp: { headers: { \"x api key\": abc } } }"))
                .hasMessageContaining("tracing.otlp.headers: 'x api key' is not an HTTP header name");
        assertThatThrownBy(() -> load("tracing: { otlp: { headers: { x-api-key: \"\" } } }"))
                .hasMessageContaining("tracing.otlp.headers.x-api-key: needs a value on one line; write it as ${ENV_VAR}");
        assertThatThrownBy(() -> load("tracing: { otlp: { timeout: 5m } }"))
                .hasMessageContaining("tracing.otlp.timeout: 5m is longer than 1m");
        assertThatThrownBy(() -> load("tracing: { otlp: { timeout: soon } }"))
                .hasMessageContaining("tracing.otlp.timeout: 'soon' is not a duration");
        assertThatThrownBy(() -> load("tracing: { enabled: yes-please }"))
                .hasMessageContaining("tracing.enabled: must be true or false");
        assertThatThrownBy(() -> load("tracing: { otlp: { url: \"http://x\" } }"))
                .hasMessageContaining("tracing.otlp.url: unknown key; known keys here: compression, endpoint, headers, protocol, timeout");
    }
}
