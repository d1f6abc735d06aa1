package dev.awsmcp.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.testing.JwksServer;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.gateway.testing.TestTokens;
import dev.awsmcp.gateway.testing.TestTokens.SigningKey;
import dev.awsmcp.toolset.support.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A gateway accepting both JWTs from a local identity provider and API keys, behind a configured public URL. */
class HttpJwtAuthenticationTest {

    private static final String ISSUER = "https://idp.example.com";
    private static final String PUBLIC_URL = "https://gateway.example.com/mcp";
    private static final SigningKey KEY = SigningKey.rsa("k1");

    private static JwksServer jwks;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        jwks = new JwksServer().publish(KEY);
        gateway = RunningGateway.start("server: { host: 127.0.0.1 }\n"
                + "auth:\n"
                + "  apiKeys: { file: \"" + RunningGateway.keyFile() + "\" }\n"
                + "  jwt: { issuer: " + ISSUER + ", audience: mcp-gateway, jwksUri: \"" + jwks.uri() + "\", groupsClaim: groups }\n"
                + "  resourceUrl: " + PUBLIC_URL + "\n"
                + "toolsets:\n  - { id: t, type: test-echo, region: us-east-1 }\n");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        jwks.close();
    }

    private static Map<String, Object> claims(String audience) {
        Map<String, Object> claims = TestTokens.claims(ISSUER, audience, "alice@example.com");
        claims.put("groups", List.of("payments-oncall"));
        return claims;
    }

    @Test
    void validTokenOpensASessionAsItsSubject() throws Exception {
        McpHttp http = new McpHttp(gateway.url(), KEY.sign(claims("mcp-gateway")));
        String session = http.initialize();
        HttpResponse<String> call = http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"x\"}"), "Mcp-Session-Id", session);
        assertThat(McpHttp.sseData(call.body()).get(0)).contains("\"principal\":\"alice@example.com\"");
        Principal principal = gateway.http().transport().principalOf(session).orElseThrow();
        assertThat(principal.method()).isEqualTo(Principal.Method.JWT);
        assertThat(principal.groups()).containsExactly("payments-oncall");
    }

    @Test
    void tokenForAnotherAudienceIsRefusedWithTheConfiguredMetadataUrl() throws Exception {
        HttpResponse<String> response = new McpHttp(gateway.url(), KEY.sign(claims("some-other-api"))).post(McpHttp.INITIALIZE);
        HttpAuthenticationTest.assertUnauthorized(response, "token audience does not include mcp-gateway", true);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer resource_metadata=\"https://gateway.example.com/.well-known/oauth-protected-resource/mcp\", error=\"invalid_token\"");
    }

    @Test
    void keyRotatedAtTheIssuerIsFetchedWhileTheRequestWaits() throws Exception {
        SigningKey rotated = SigningKey.ec("k2");
        jwks.publish(KEY, rotated);
        McpHttp http = new McpHttp(gateway.url(), rotated.sign(claims("mcp-gateway")));
        String session = http.initialize();
        HttpResponse<String> call = http.post(McpHttp.toolsCall(1, "t__echo", "{\"text\":\"" + "y".repeat(20_000) + "\"}"),
                "Mcp-Session-Id", session);
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(McpHttp.sseData(call.body()).get(0)).contains("\"principal\":\"alice@example.com\"");
    }

    @Test
    void apiKeysStillWorkBesideJwts() throws Exception {
        assertThat(new McpHttp(gateway.url()).post(McpHttp.INITIALIZE).statusCode()).isEqualTo(200);
        HttpAuthenticationTest.assertUnauthorized(new McpHttp(gateway.url(), "a.b.c").post(McpHttp.INITIALIZE),
                "token is not a well-formed JWT", true);
    }

    @Test
    void metadataNamesTheIssuerAndTheConfiguredResource() throws Exception {
        URI url = URI.create("http://" + gateway.url().getAuthority() + "/.well-known/oauth-protected-resource/mcp");
        JsonNode document = Json.mapper().readTree(new McpHttp(url, null).send("GET", null).body());
        assertThat(document.get("resource").asText()).isEqualTo(PUBLIC_URL);
        assertThat(document.get("authorization_servers").toString()).isEqualTo("[\"" + ISSUER + "\"]");
    }
}
