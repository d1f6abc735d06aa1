package dev.awsmcp.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.awsmcp.toolset.api.Access;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toolsets[i] entries as the config loader binds them: common keys checked, the type's own keys collected. */
class ToolsetEntryTest {

    @TempDir
    Path dir;

    private ToolsetEntry entry(String yaml) throws Exception {
        return load("toolsets:\n  - " + yaml + "\n").toolsets().get(0);
    }

    private GatewayConfig load(String yaml) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(k -> null).load(file);
    }

    private String file() {
        return dir.resolve("gateway.yaml") + ": ";
    }

    @Test
    void bindsTheCommonKeysAndCollectsTheTypesOwnKeys() throws Exception {
        ToolsetEntry entry = entry("{ id: ddb, type: dynamodb, region: eu-west-1, endpoint: ' http://127.0.0.1:5000 ', accountId: 123456789012,"
                + " access: [read, WRITE], roleArn: 'arn:aws:iam::123456789012:role/mcp-ddb', externalId: ext-42, sessionDuration: 2h,"
                + " greeting: hi }");

        assertThat(entry.id()).isEqualTo("ddb");
        assertThat(entry.endpointUri()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(entry.accountId()).as("an unquoted account id reads as written").isEqualTo("123456789012");
        assertThat(entry.accessClasses()).isEqualTo(Set.of(Access.READ, Access.WRITE));
        assertThat(entry.roleSessionDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(entry.bareNames()).isFalse();
        assertThat(entry.options()).containsOnlyKeys("greeting").containsEntry("greeting", TextNode.valueOf("hi"));
    }

    @Test
    void defaultsAreReadOnlyWithoutRoleOrEndpoint() throws Exception {
        ToolsetEntry entry = entry("{ id: logs, type: logs, region: us-east-1, endpoint: '', roleArn: ' ' }");

        assertThat(entry.accessClasses()).isEqualTo(Set.of(Access.READ));
        assertThat(entry.endpointUri()).isNull();
        assertThat(entry.roleArn()).as("blank is absent").isNull();
        assertThat(entry.options()).isEmpty();
    }

    @Test
    void problemsNameTheFileTheEntryTheKeyAndTheFix() {
        assertThatThrownBy(() -> entry("{ type: logs, region: us-east-1 }"))
                .isInstanceOf(ConfigException.class).hasMessage(file() + "toolsets[0].id: required (a non-empty string)");
        assertThatThrownBy(() -> load("toolsets:\n  - { id: a, type: logs, region: us-east-1 }\n  - { id: b, type: logs, region: mars }\n"))
                .hasMessage(file() + "toolsets[1].region: 'mars' is not an AWS region name, e.g. us-east-1");
        assertThatThrownBy(() -> entry("{ id: a, type: logs, region: us-east-1, accountId: '1234' }"))
                .hasMessage(file() + "toolsets[0].accountId: '1234' is not a 12-digit AWS account id (quote it in YAML)");
        assertThatThrownBy(() -> entry("{ id: a, type: logs, region: us-east-1, access: read }"))
                .hasMessage(file() + "toolsets[0].access: expected a list");
        assertThatThrownBy(() -> entry("{ id: a, type: logs, region: us-east-1, bareNames: 1 }"))
                .hasMessage(file() + "toolsets[0].bareNames: must be true or false");
    }

    @Test
    void roleKeysAreCheckedTogether() {
        String role = "roleArn: 'arn:aws:iam::123456789012:role/mcp-logs'";
        assertThatThrownBy(() -> entry("{ id: a, type: logs, region: us-east-1, externalId: ext-42 }"))
                .hasMessage(file() + "toolsets[0]: externalId and sessionDuration need roleArn");
        assertThatThrownBy(() -> entry("{ id: a, type: logs, region: us-east-1, roleArn: 'arn:aws:iam::1:user/x' }"))
                .hasMessage(file() + "toolsets[0].roleArn: 'arn:aws:iam::1:user/x' is not an IAM role ARN, e.g. "
                        + "arn:aws:iam::123456789012:role/mcp-ddb-readonly");
        assertThatThrownBy(() -> entry("{ id: a, type: logs, region: us-east-1, " + role + ", externalId: x }"))
                .hasMessage(file() + "toolsets[0].externalId: must be 2-1224 characters of [\\w+=,.@:/-]");
        assertThatThrownBy(() -> entry("{ id: a, type: logs, region: us-east-1, " + role + ", sessionDuration: 5m }"))
                .hasMessage(file() + "toolsets[0].sessionDuration: must be between 15m and 12h (and at most the role's maximum)");
        assertThatThrownBy(() -> entry("{ id: a, type: logs, region: us-east-1, " + role + ", sessionDuration: long }"))
                .hasMessage(file() + "toolsets[0].sessionDuration: 'long' is not a duration; write e.g. 500ms, 30s, 15m or 1h");
    }
}
