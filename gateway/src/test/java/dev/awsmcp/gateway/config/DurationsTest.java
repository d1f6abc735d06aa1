package dev.awsmcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every duration key of the configuration goes through the config loader's one duration deserializer. */
class DurationsTest {

    @TempDir
    Path dir;

    private GatewayConfig load(String yaml) throws Exception {
        Files.writeString(dir.resolve("gateway.yaml"), yaml);
        return new ConfigLoader(k -> null).load(dir.resolve("gateway.yaml"));
    }

    private String file() {
        return dir.resolve("gateway.yaml") + ": ";
    }

    @Test
    void readsMillisecondsSecondsMinutesAndHours() throws Exception {
        GatewayConfig config = load("limits: { callTimeout: 250ms }\nserver: { drainTimeout: 45s, sessionIdleTimeout: 15m }\n"
                + "cursors: { ttl: 2h }\nresilience: { retry: { baseDelay: 50ms, maxDelay: 2s }, breaker: { openFor: 1m } }\n");

        assertThat(config.limits().callTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.server().drainTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.server().sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.cursors().ttl()).isEqualTo(Duration.ofHours(2));
        assertThat(config.resilience().retry().baseDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.resilience().breaker().openFor()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aValueThatIsNoDurationNamesTheFileTheKeyAndTheForms() {
        assertThatThrownBy(() -> load("limits: { callTimeout: 3x }\n")).isInstanceOf(ConfigException.class)
                .hasMessage(file() + "limits.callTimeout: '3x' is not a duration; write e.g. 500ms, 30s, 15m or 1h");
        assertThatThrownBy(() -> load("limits: { callTimeout: 30 }\n"))
                .hasMessage(file() + "limits.callTimeout: '30' is not a duration; write e.g. 500ms, 30s, 15m or 1h");
        assertThatThrownBy(() -> load("limits: { callTimeout: 0s }\n"))
                .hasMessage(file() + "limits.callTimeout: must be greater than zero");
        assertThatThrownBy(() -> load("limits: { callTimeout: [30s] }\n"))
                .hasMessage(file() + "limits.callTimeout: expected a duration, e.g. 30s");
        assertThatThrownBy(() -> load("resilience: { retry: { maxDelay: soon } }\n"))
                .hasMessage(file() + "resilience.retry.maxDelay: 'soon' is not a duration; write e.g. 500ms, 30s, 15m or 1h");
    }

    @Test
    void aProblemInAListNamesTheEntry() {
        assertThatThrownBy(() -> load("audit: { sinks: [ { type: file }, { type: cloudwatch-logs, logGroup: /gw, region: us-east-1,"
                + " maxRetryDelay: later } ] }\n"))
                .hasMessage(file() + "audit.sinks[1].maxRetryDelay: 'later' is not a duration; write e.g. 500ms, 30s, 15m or 1h");
    }

    @Test
    void onlyKeysThatMayBeZeroAcceptZeroOrOff() throws Exception {
        String jwt = "auth: { jwt: { issuer: https://idp.example.com, audience: gw, jwksUri: https://idp.example.com/jwks, clockSkew: ";
        assertThat(load(jwt + "0 } }\n").auth().jwt().clockSkew()).isZero();
        assertThat(load(jwt + "off } }\n").auth().jwt().clockSkew()).isZero();
        assertThat(load("resilience: { cache: { ttl: { ddb.query: off, ddb.*: 5m } } }\n").resilience().cache().ttl())
                .containsEntry("ddb.query", Duration.ZERO).containsEntry("ddb.*", Duration.ofMinutes(5));
        assertThatThrownBy(() -> load("resilience: { cache: { ttl: { ddb.scan: soon } } }\n"))
                .hasMessage(file() + "resilience.cache.ttl.ddb.scan: 'soon' is not a duration; write e.g. 500ms, 30s, 15m or 1h");
        assertThatThrownBy(() -> load("policies: { pollInterval: off }\n"))
                .as("YAML reads an unquoted off as false").hasMessage(file() + "policies.pollInterval: expected a duration, e.g. 30s");
    }

    @Test
    void messagesWriteDurationsAsOperatorsDo() {
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(120))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThatThrownBy(() -> load("cursors: { ttl: 1500m }\n"))
                .hasMessage(file() + "cursors.ttl: 25h is longer than 24h; a cursor continues one listing, so use e.g. 1h");
    }
}
