package dev.awsmcp.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key file: validation naming file and entry, and key lookup by hash. */
class ApiKeyFileTest {

    private static final String HASH_A = RunningGateway.sha256Hex("key-a");
    private static final String HASH_B = RunningGateway.sha256Hex("key-b");

    @TempDir
    Path dir;

    private ApiKeyFile load(String yaml) throws Exception {
        Path file = dir.resolve("api-keys.yaml");
        Files.writeString(file, yaml);
        return ApiKeyFile.load(file, new ConfigLoader(k -> null));
    }

    @Test
    void authenticatesKnownKeysByTheirHash() throws Exception {
        ApiKeyAuthenticator keys = ApiKeyAuthenticator.create(load(
                "keys:\n  - { id: incident-bot, sha256: " + HASH_A + " }\n  - { id: alice-laptop, sha256: " + HASH_B + " }\n"));
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.authenticate("key-b")).isEqualTo(Principal.apiKey("alice-laptop"));
        assertThat(keys.authenticate("key-a").id()).isEqualTo("apikey:incident-bot");
        assertThatThrownBy(() -> keys.authenticate("key-c")).isInstanceOf(AuthenticationException.class)
                .hasMessage("unknown API key");
    }

    @Test
    void plaintextKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> load("keys:\n  - { id: bot, sha256: my-secret-key-123 }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("api-keys.yaml: keys[0].sha256: not a SHA-256 hash")
                .hasMessageContaining("sha256sum")
                .hasMessageNotContaining("my-secret-key-123");
        assertThatThrownBy(() -> load("keys:\n  - { id: bot, sha256: " + HASH_A.toUpperCase() + " }\n"))
                .hasMessageContaining("keys[0].sha256: write the hash in lowercase hex");
    }

    @Test
    void idsMustBeWellFormedAndUnique() {
        assertThatThrownBy(() -> load("keys:\n  - { id: Incident_Bot, sha256: " + HASH_A + " }\n"))
                .hasMessageContaining("keys[0].id: required; lowercase letters, digits and '-'");
        assertThatThrownBy(() -> load("keys:\n  - { id: bot, sha256: " + HASH_A + " }\n  - { id: bot, sha256: " + HASH_B + " }\n"))
                .hasMessageContaining("keys[1].id: 'bot' is also used by keys[0]");
    }

    @Test
    void hashesMustBeUnique() {
        assertThatThrownBy(() -> load("keys:\n  - { id: a, sha256: " + HASH_A + " }\n  - { id: b, sha256: " + HASH_A + " }\n"))
                .hasMessageContaining("keys[1].sha256: same hash as keys[0]");
    }

    @Test
    void unknownFieldsEmptyAndMissingFilesAreRefused() {
        assertThatThrownBy(() -> load("keys:\n  - { id: a, key: key-a }\n"))
                .hasMessageContaining("api-keys.yaml: keys[0].key: unknown key; known keys here: id, sha256");
        assertThatThrownBy(() -> load("keys: []\n")).hasMessageContaining("keys: no keys listed");
        assertThatThrownBy(() -> ApiKeyFile.load(dir.resolve("missing.yaml"), new ConfigLoader()))
                .hasMessageContaining("auth.apiKeys.file: ").hasMessageContaining("missing.yaml not found")
                .hasMessageContaining("working directory");
    }
}
