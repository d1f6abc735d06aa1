package dev.awsmcp.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.server.GatewayRuntime;
import dev.awsmcp.gateway.server.HttpGateway;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication at the HTTP listener with API keys: 401 answers, the metadata document, session binding. */
class HttpAuthenticationTest {

    private static RunningGateway gateway;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.echo("");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String metadataUrl() {
        URI url = gateway.url();
        return "http://" + url.getAuthority() + "/.well-known/oauth-protected-resource/mcp";
    }

    static void assertUnauthorized(HttpResponse<String> response, String message, boolean invalidToken) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).startsWith("Bearer resource_metadata=\"http").contains("/.well-known/oauth-protected-resource/mcp\"");
        if (invalidToken) {
            assertThat(challenge).endsWith(", error=\"invalid_token\"");
        } else {
            assertThat(challenge).doesNotContain("error=");
        }
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.at("/error/code").asInt()).isEqualTo(-32000);
        assertThat(body.at("/error/message").asText()).contains(message);
    }

    @Test
    void missingAuthorizationIsRefusedWithAChallengePointingToTheMetadata() throws Exception {
        HttpResponse<String> response = new McpHttp(gateway.url(), null).post(McpHttp.INITIALIZE);
        assertUnauthorized(response, "missing Authorization: Bearer header", false);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer resource_metadata=\"" + metadataUrl() + "\"");
    }

    @Test
    void unknownKeyIsRefusedWithoutEchoingIt() throws Exception {
        HttpResponse<String> response = new McpHttp(gateway.url(), "guessed-key-123").post(McpHttp.INITIALIZE);
        assertUnauthorized(response, "unknown API key", true);
        assertThat(response.body()).doesNotContain("guessed-key-123");
    }

    @Test
    void malformedAuthorizationHeaderIsRefused() throws Exception {
        McpHttp http = new McpHttp(gateway.url(), null);
        assertUnauthorized(http.post(McpHttp.INITIALIZE, "Authorization", "Basic dXNlcjpwYXNz"),
                "Authorization header must be 'Bearer <API key or token>'", false);
        assertUnauthorized(http.post(McpHttp.INITIALIZE, "Authorization", "Bearer "), "must be 'Bearer", false);
        assertUnauthorized(http.send("GET", null, "Accept", "text/event-stream"), "missing Authorization", false);
        assertUnauthorized(http.send("DELETE", null, "Mcp-Session-Id", "x"), "missing Authorization", false);
    }

    @Test
    void validKeyAuthenticatesWhateverTheSchemeCase() throws Exception {
        McpHttp http = new McpHttp(gateway.url(), null);
        assertThat(http.post(McpHttp.INITIALIZE, "Authorization", "bearer " + RunningGateway.TEST_KEY).statusCode()).isEqualTo(200);
        String session = new McpHttp(gateway.url()).initialize();
        HttpResponse<String> call = new McpHttp(gateway.url()).post(McpHttp.toolsCall(2, "t__echo", "{\"text\":\"x\"}"),
                "Mcp-Session-Id", session);
        assertThat(McpHttp.sseData(call.body()).get(0)).contains("\"principal\":\"apikey:test\"");
    }

    @Test
    void metadataDocumentIsServedAtBothWellKnownPathsWithoutAuthentication() throws Exception {
        McpHttp anonymous = new McpHttp(URI.create(metadataUrl()), null);
        for (String url : new String[] {metadataUrl(), "http://" + gateway.url().getAuthority() + "/.well-known/oauth-protected-resource"}) {
            HttpResponse<String> response = new McpHttp(URI.create(url), null).send("GET", null);
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode document = Json.mapper().readTree(response.body());
            assertThat(document.get("resource").asText()).isEqualTo(gateway.url().toString());
            assertThat(document.get("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
            assertThat(document.get("resource_name").asText()).isEqualTo("AWS MCP Gateway");
            assertThat(document.has("authorization_servers")).isFalse();
        }
        assertThat(anonymous.send("POST", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void sessionOfAnotherPrincipalIsNotFound() throws Exception {
        McpHttp alice = new McpHttp(gateway.url());
        McpHttp mallory = new McpHttp(gateway.url(), RunningGateway.OTHER_KEY);
        String session = alice.initialize();
        String call = McpHttp.toolsCall(3, "t__echo", "{\"text\":\"x\"}");

        HttpResponse<String> post = mallory.post(call, "Mcp-Session-Id", session);
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.body()).contains("session not found");
        assertThat(mallory.send("GET", null, "Accept", "text/event-stream", "Mcp-Session-Id", session).statusCode()).isEqualTo(404);
        assertThat(mallory.send("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(404);

        assertThat(alice.post(call, "Mcp-Session-Id", session).statusCode()).isEqualTo(200);
        assertThat(gateway.http().transport().principalOf(session)).hasValue(Principal.apiKey("test"));
        assertThat(gateway.http().transport().sessionsOf("apikey:test")).contains(session);
        assertThat(gateway.http().transport().sessionsOf("apikey:other")).doesNotContain(session);
        assertThat(alice.send("DELETE", null, "Mcp-Session-Id", session).statusCode()).isEqualTo(200);
        assertThat(gateway.http().transport().principalOf(session)).isEmpty();
    }

    @Test
    void httpListenerRefusesToStartWithoutAuthentication() throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, "server: { port: 0 }\npolicies: { dir: \"" + Files.createDirectories(dir.resolve("p")) + "\" }\n");
        try (GatewayRuntime runtime = GatewayRuntime.create(new ConfigLoader(k -> null).load(file))) {
            assertThatThrownBy(() -> HttpGateway.start(runtime).close())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("auth: serving over HTTP needs authentication; configure auth.apiKeys")
                    .hasMessageContaining("auth.jwt");
        }
    }

    @Test
    void invalidKeyFileStopsStartupNamingFileAndEntry() throws Exception {
        Path keys = dir.resolve("keys.yaml");
        Files.writeString(keys, "keys:\n  - { id: bot, sha256: plain-text-key }\n");
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, "server: { port: 0 }\nauth:\n  apiKeys: { file: \"" + keys + "\" }\n"
                + "policies: { dir: \"" + Files.createDirectories(dir.resolve("p")) + "\" }\n");
        try (GatewayRuntime runtime = GatewayRuntime.create(new ConfigLoader(k -> null).load(file))) {
            assertThatThrownBy(() -> HttpGateway.start(runtime).close())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("keys.yaml: keys[0].sha256: not a SHA-256 hash")
                    .hasMessageNotContaining("plain-text-key");
        }
    }
}
