package dev.awsmcp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.testing.TestToolsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation of policy files (every problem with file, line and fix) and hot reload. */
class PolicyLoaderTest {

    private static TestToolsets toolsets;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolsets(@TempDir Path configDir) throws Exception {
        toolsets = TestToolsets.of(configDir, "toolsets:\n  - { id: k, type: test-kinds, region: us-east-1 }\n");
    }

    @AfterAll
    static void close() {
        toolsets.close();
    }

    private PolicyLoader loader() {
        return toolsets.policyLoader();
    }

    private List<String> problems(String fileName, String yaml) throws Exception {
        Files.writeString(dir.resolve(fileName), yaml);
        List<String> problems = new ArrayList<>();
        loader().load(dir, problems);
        return problems;
    }

    @Test
    void validPolicyLoads() throws Exception {
        assertThat(problems("ok.yaml", PolicyEngineTest.INVENTORY)).isEmpty();
    }

    @Test
    void guardInjectionModeIsValidatedAndDefaultsToFlag() throws Exception {
        String base = "team: t\nmembers: [ { group: g } ]\ntoolsets:\n  k: { tools: [get_table], resources: [\"x-*\"] }\n";
        assertThat(problems("t.yaml", base + "guard: { injection: neutralize }\n")).isEmpty();
        assertThat(loader().load(dir).teams().get(0).injection()).isEqualTo(dev.awsmcp.gateway.guard.GuardMode.NEUTRALIZE);
        Files.writeString(dir.resolve("t.yaml"), base);
        assertThat(loader().load(dir).teams().get(0).injection()).isEqualTo(dev.awsmcp.gateway.guard.GuardMode.FLAG);
        assertThat(problems("t.yaml", base + "guard:\n  injection: shout\n")).singleElement().asString()
                .isEqualTo(dir.resolve("t.yaml") + ":6: guard.injection: 'shout' is not one of flag, neutralize, block (default flag)");
        assertThat(problems("t.yaml", base + "guard: { mode: block }\n")).singleElement().asString().contains("guard.mode: unknown key");
    }

    @Test
    void guardSemanticModeIsValidatedAndDefaultsToOff() throws Exception {
        String base = "team: t\nmembers: [ { group: g } ]\ntoolsets:\n  k: { tools: [get_table], resources: [\"x-*\"] }\n";
        Files.writeString(dir.resolve("t.yaml"), base);
        assertThat(loader().load(dir).teams().get(0).semantic()).isEqualTo(dev.awsmcp.gateway.guard.SemanticMode.OFF);
        assertThat(problems("t.yaml", base + "guard: { injection: flag, semantic: block }\n")).isEmpty();
        assertThat(loader().load(dir).teams().get(0).semantic()).isEqualTo(dev.awsmcp.gateway.guard.SemanticMode.BLOCK);
        assertThat(problems("t.yaml", base + "guard: { semantic: off }\n")).as("YAML reads off as false").isEmpty();
        assertThat(loader().load(dir).teams().get(0).semantic()).isEqualTo(dev.awsmcp.gateway.guard.SemanticMode.OFF);
        assertThat(problems("t.yaml", base + "guard:\n  semantic: loud\n")).singleElement().asString()
                .isEqualTo(dir.resolve("t.yaml") + ":6: guard.semantic: 'loud' is not one of off, flag, block (default off)");
    }

    @Test
    void taintAndConfirmRulesAreValidatedWithTheirDefaults() throws Exception {
        String base = "team: t\nmembers: [ { group: g } ]\ntoolsets:\n  k: { tools: [get_table], resources: [\"x-*\"] }\n";
        assertThat(problems("t.yaml", base + "taint: { onFindings: deny, onUntrusted: confirm }\nconfirm: [write]\n")).isEmpty();
        TeamPolicy team = loader().load(dir).teams().get(0);
        assertThat(team.taint()).isEqualTo(new dev.awsmcp.gateway.taint.TaintRules(dev.awsmcp.gateway.taint.TaintAction.DENY,
                dev.awsmcp.gateway.taint.TaintAction.CONFIRM));
        assertThat(team.confirm()).containsExactly(dev.awsmcp.toolset.api.Access.WRITE);
        Files.writeString(dir.resolve("t.yaml"), base);
        assertThat(loader().load(dir).teams().get(0).taint()).isEqualTo(dev.awsmcp.gateway.taint.TaintRules.DEFAULT);
        assertThat(problems("t.yaml", base + "taint: { onFindings: shrug }\n")).singleElement().asString()
                .endsWith("taint.onFindings: 'shrug' is not one of allow, confirm, deny");
        assertThat(problems("t.yaml", base + "confirm: [delete]\n")).singleElement().asString()
                .endsWith("confirm[0]: 'delete' is not one of read, write, invoke");
    }

    @Test
    void typoInToolNameNamesFileLineAndTheToolsThatExist() throws Exception {
        List<String> problems = problems("team.yaml", """
                team: t
                members: [ { group: g } ]
                toolsets:
                  k:
                    tools:
                      - get_table
                      - get_tabel
                    resources: ["x-*"]
                """);
        assertThat(problems).singleElement().asString()
                .startsWith(dir.resolve("team.yaml") + ":7: toolsets.k.tools[1]: 'get_tabel' matches no tool k exposes")
                .contains("get_table", "list_objects").doesNotContain("put_table");
    }

    @Test
    void everyProblemIsReportedTogether() throws Exception {
        List<String> problems = problems("bad.yaml", """
                team: Bad Team
                members: [ { group: g, apiKey: k } ]
                toolsets:
                  nosuch: { tools: ["*"] }
                  k: { tools: ["*"], access: [read, admin], resources: ["has space"] }
                limits: { callsPerMinute: 0 }
                """);
        assertThat(problems).hasSize(6);
        assertThat(String.join("\n", problems))
                .contains(":1: team: required: 1-63 characters [a-z0-9-]")
                .contains(":2: members[0]: give exactly one of group, apiKey, principal")
                .contains(":4: toolsets.nosuch: no toolset 'nosuch' is configured; configured ids: [k]")
                .contains(":5: toolsets.k.access[1]: 'admin' is not one of read, write, invoke")
                .contains("toolsets.k.resources[0]: 'has space' is not a resource pattern")
                .contains(":6: limits.callsPerMinute: must be between 1 and 100000");
    }

    @Test
    void unknownKeysAndDuplicateTeamsAreRejected() throws Exception {
        assertThat(problems("a.yaml", "team: t\nmembers: [ { group: g } ]\ntoolsets: { k: { tools: [\"*\"], resource: [x] } }\n"))
                .singleElement().asString().contains("toolsets.k.resource: unknown key").contains("resources");
        Files.delete(dir.resolve("a.yaml"));
        Files.writeString(dir.resolve("one.yaml"), PolicyEngineTest.INVENTORY);
        assertThat(problems("two.yaml", PolicyEngineTest.INVENTORY))
                .singleElement().asString().contains("team 'inventory' is already defined in");
    }

    @Test
    void missingDirectoryStopsStartupWithTheFix() {
        assertThatThrownBy(() -> loader().load(dir.resolve("nope")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a directory; set policies.dir");
    }

    @Test
    void reloadSwapsValidChangesAndKeepsTheLastGoodSetOnBrokenOnes() throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), PolicyEngineTest.INVENTORY);
        try (PolicyStore store = PolicyStore.open(loader(), dir, null)) {
            AtomicInteger swaps = new AtomicInteger();
            store.onChange((before, after) -> swaps.incrementAndGet());
            Principal alice = new Principal("alice", Principal.Method.JWT, Set.of("inventory"), null);
            assertThat(store.effective(alice).toolVisible(toolsets.registry().find("k__get_table").orElseThrow())).isTrue();
            assertThat(store.reload()).as("nothing changed").isFalse();

            Files.writeString(dir.resolve("inventory.yaml"), PolicyEngineTest.INVENTORY.replace("get_table, ", ""));
            assertThat(store.reload()).isTrue();
            assertThat(swaps).hasValue(1);
            assertThat(store.effective(alice).toolVisible(toolsets.registry().find("k__get_table").orElseThrow())).isFalse();

            Files.writeString(dir.resolve("inventory.yaml"), "team: inventory\nmembers: [ { group: inventory } ]\ntoolsets: { k: { tools: [nope] } }\n");
            assertThat(store.reload()).as("broken change rejected").isFalse();
            assertThat(swaps).hasValue(1);
            assertThat(store.effective(alice).toolVisible(toolsets.registry().find("k__list").orElseThrow())).as("last good set").isTrue();

            Files.writeString(dir.resolve("inventory.yaml"), "team: [unclosed\n");
            assertThat(store.reload()).isFalse();
            assertThat(store.effective(alice).teams()).containsExactly("inventory");
        }
    }
}
