package dev.awsmcp.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.CapturedLogs;
import dev.awsmcp.gateway.testing.JwksServer;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.gateway.testing.TestTokens;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may open the console of a real gateway whose admin listener is not on loopback: nobody without
 * {@code admin.console.admins} (fail closed, health and metrics still served); with admins, only an authenticated
 * admin (API key id or JWT group), on the API; and nobody at all when the console is turned off.
 */
class ConsoleAccessTest {

    private static final String ECHO = "toolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\n";

    @Test
    void aNonLoopbackAdminListenerWithoutAdminsRefusesTheConsoleAndStillServesHealth() {
        try (CapturedLogs logs = new CapturedLogs();
                RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\nadmin: { host: 0.0.0.0 }\n" + ECHO)) {
            for (String path : List.of("", "console.js", "api/records", "api/live")) {
                ConsoleHttp.Answer refused = ConsoleHttp.get(gateway, path);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.error()).startsWith("the audit console is refused: admin.host 0.0.0.0 is not loopback and "
                        + "admin.console.admins names no one");
            }
            assertThat(logs.messagesContaining("the audit console is refused")).hasSize(1);
            assertThat(HealthProbe.status(gateway, "/health/live")).isEqualTo(200);
        }
    }

    @Test
    void withAdminsTheApiNeedsAnAdminsCredentialsAndThePageNone() throws IOException {
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\n"
                + "admin: { host: 0.0.0.0, console: { admins: [ { apiKey: test } ] } }\n" + ECHO)) {
            assertThat(ConsoleHttp.get(gateway, "").status()).isEqualTo(200);
            ConsoleHttp.Answer anonymous = ConsoleHttp.get(gateway, "api/records");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.error()).isEqualTo("missing Authorization: Bearer header");
            ConsoleHttp.Answer notAnAdmin = ConsoleHttp.get(gateway, "api/records", "Authorization", "Bearer " + RunningGateway.OTHER_KEY);
            assertThat(notAnAdmin.status()).isEqualTo(403);
            assertThat(notAnAdmin.error()).isEqualTo("apikey:other is not a console admin; add it, its API key id or one of its groups "
                    + "to admin.console.admins");
            assertThat(ConsoleHttp.get(gateway, "api/records", "Authorization", "Bearer wrong-key").status()).isEqualTo(401);
            ConsoleHttp.Answer admin = ConsoleHttp.get(gateway, "api/records?type=any", "Authorization", "Bearer " + RunningGateway.TEST_KEY);
            assertThat(admin.status()).isEqualTo(200);
            assertThat(admin.json().path("records").size()).isPositive();
            assertThat(ConsoleHttp.get(gateway, "api/live", "Host", "console.internal.example", "Authorization",
                    "Bearer " + RunningGateway.TEST_KEY).status()).as("any Host: the listener is meant to be reached by name").isEqualTo(200);
        }
    }

    @Test
    void aJwtGroupNamedAsAdminOpensTheConsole() throws IOException {
        TestTokens.SigningKey key = TestTokens.SigningKey.rsa("k1");
        try (JwksServer jwks = new JwksServer().publish(key);
                RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\n"
                        + "admin: { host: 0.0.0.0, console: { admins: [ { group: security-reviewers } ] } }\n"
                        + "auth:\n  apiKeys: { file: \"" + RunningGateway.keyFile() + "\" }\n"
                        + "  jwt: { issuer: https://idp.example.com, audience: mcp-gateway, jwksUri: \"" + jwks.uri() + "\", groupsClaim: groups }\n"
                        + ECHO)) {
            Map<String, Object> reviewer = TestTokens.claims("https://idp.example.com", "mcp-gateway", "rita@example.com");
            reviewer.put("groups", List.of("security-reviewers"));
            Map<String, Object> oncall = TestTokens.claims("https://idp.example.com", "mcp-gateway", "otto@example.com");
            oncall.put("groups", List.of("payments-oncall"));
            assertThat(ConsoleHttp.get(gateway, "api/live", "Authorization", "Bearer " + key.sign(reviewer)).status()).isEqualTo(200);
            ConsoleHttp.Answer other = ConsoleHttp.get(gateway, "api/live", "Authorization", "Bearer " + key.sign(oncall));
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.error()).startsWith("otto@example.com is not a console admin");
        }
    }

    @Test
    void aConsoleTurnedOffIsNotServed() {
        try (RunningGateway gateway = RunningGateway.start("server: { host: 127.0.0.1 }\nadmin: { console: { enabled: false } }\n" + ECHO)) {
            assertThat(ConsoleHttp.get(gateway, "").status()).isEqualTo(404);
            assertThat(ConsoleHttp.get(gateway, "api/records").status()).isEqualTo(404);
        }
    }

    /** The admin listener's health answers. */
    static final class HealthProbe {
        static int status(RunningGateway gateway, String path) {
            try {
                return dev.awsmcp.gateway.testing.GatewayHttp.CLIENT.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(gateway.adminUrl() + path)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
