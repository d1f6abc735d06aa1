package dev.awsmcp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.CapturedLogs;
import dev.awsmcp.gateway.testing.TestToolsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's polls: files read every poll, compiled only when they changed. Compiling is observed through the warning
 * the loader gives for a session policy on a toolset without a role (the DynamoDB toolset here has no roleArn).
 */
class PolicyStoreTest {

    private static TestToolsets toolsets;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolsets(@TempDir Path configDir) throws Exception {
        toolsets = TestToolsets.of(configDir, "toolsets:\n  - { id: ddb, type: dynamodb, region: us-east-1 }\n");
    }

    @AfterAll
    static void close() {
        toolsets.close();
    }

    @Test
    void aPollThatFindsTheFilesUnchangedCompilesNothingAndKeepsReportingARejectedChange() throws Exception {
        String grant = "team: t\nmembers: [ { group: g } ]\ntoolsets:\n  ddb: { tools: [get_item], resources: [\"x-*\"], sessionPolicy: true }\n";
        Files.writeString(dir.resolve("t.yaml"), grant);
        try (CapturedLogs logs = new CapturedLogs(); PolicyStore store = PolicyStore.open(toolsets.policyLoader(), dir, null)) {
            String warning = "sessionPolicy has no effect";
            assertThat(logs.messagesContaining(warning)).as("compiled once at open").hasSize(1);
            assertThat(store.reload()).isFalse();
            assertThat(store.reload()).isFalse();
            assertThat(logs.messagesContaining(warning)).as("unchanged files are not compiled again").hasSize(1);

            List<List<String>> rejections = new ArrayList<>();
            store.onRejected((kept, problems) -> rejections.add(problems));
            Files.writeString(dir.resolve("t.yaml"), grant.replace("get_item", "get_itme"));
            assertThat(store.reload()).isFalse();
            assertThat(store.reload()).isFalse();
            assertThat(logs.messagesContaining("REJECTED")).as("reported on every poll until fixed").hasSize(2);
            assertThat(rejections).as("listeners hear of each distinct set of problems once").hasSize(1);
            assertThat(logs.messagesContaining(warning)).as("the broken files were compiled once").hasSize(2);

            Files.writeString(dir.resolve("t.yaml"), grant.replace("get_item", "query"));
            assertThat(store.reload()).isTrue();
            assertThat(store.current().teams().get(0).team()).isEqualTo("t");
            assertThat(store.reload()).isFalse();
            assertThat(logs.messagesContaining("REJECTED")).hasSize(2);
        }
    }
}
