package dev.awsmcp.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.ArgumentRedactor;
import dev.awsmcp.gateway.audit.AuditFiles;
import dev.awsmcp.gateway.call.CallConfirmation;
import dev.awsmcp.gateway.config.ConfirmationsConfig;
import dev.awsmcp.gateway.confirmation.ConfirmationTickets;
import dev.awsmcp.gateway.session.InMemorySessionStore;
import dev.awsmcp.gateway.testing.EchoToolsetFactory;
import dev.awsmcp.gateway.testing.ModernHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import dev.awsmcp.toolset.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Confirmation of risky calls for MCP 2026-07-28 clients, as raw HTTP through a real gateway whose team policy
 * confirms writes ({@code t__note}): the first request is answered {@code input_required} with the elicitation form and
 * a sealed {@code requestState}, and the call runs only when a retry brings the person's accept with that state, once,
 * for the same caller, tool and arguments, before it expires. Every round has its audit record.
 */
class ModernConfirmationTest {

    static final String KEY = "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=";
    private static final String ACCEPT = "{\"confirm\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}}";
    private static RunningGateway gateway;
    private static ModernHttp client;
    private static int ids = 100;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(yaml("confirmations: { key: \"" + KEY + "\", ttl: 5m }\n"));
        client = new ModernHttp(gateway.url(), RunningGateway.TEST_KEY);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A gateway serving test-echo whose one team confirms writes, with {@code extra} YAML. */
    static String yaml(String extra) throws Exception {
        Path policies = Files.createTempDirectory("policies");
        Files.writeString(policies.resolve("test.yaml"), """
                team: test
                members: [ { apiKey: test }, { apiKey: other } ]
                toolsets:
                  t: { tools: ["*"], access: [read, write], resources: ["*"] }
                confirm: [write]
                """);
        return "server: { host: 127.0.0.1 }\ntoolsets:\n  - { id: t, type: test-echo, region: us-east-1, access: [read, write] }\n"
                + "limits: { callTimeout: 2s }\npolicies: { dir: \"" + policies + "\", watch: false }\n" + extra;
    }

    private static String unique() {
        return "note-" + UUID.randomUUID();
    }

    private static String arguments(String text) {
        return "{\"text\":\"" + text + "\"}";
    }

    /** The result of a first call of {@code t__note} with {@code text}, by a client that can elicit. */
    private static JsonNode ask(String text) throws Exception {
        return call(client, ModernHttp.toolsCall("t__note", arguments(text), ModernHttp.ELICITATION)).path("result");
    }

    /** The retry of a call of {@code tool} with {@code arguments}, bringing {@code responses} and {@code state}. */
    private static JsonNode retry(ModernHttp by, String tool, String arguments, String responses, String state) throws Exception {
        ObjectNode params = ModernHttp.toolsCall(tool, arguments, ModernHttp.ELICITATION);
        params.set("inputResponses", Json.mapper().readTree(responses));
        params.put("requestState", state);
        return call(by, params).path("result");
    }

    private static JsonNode call(ModernHttp by, ObjectNode params) throws Exception {
        return ModernHttp.json(by.post(ids++, "tools/call", params));
    }

    private static JsonNode record(String correlationId) {
        return AuditFiles.records(gateway.auditFile(), "tool_call").stream()
                .filter(r -> r.path("correlation_id").asText().equals(correlationId)).findFirst().orElseThrow();
    }

    private static String correlationId(JsonNode result) {
        return result.path("_meta").path("correlationId").asText();
    }

    private static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asText();
    }

    @Test
    void theFirstRequestAsksThePersonAndTheAcceptedRetryRuns() throws Exception {
        String note = unique();
        JsonNode asked = ask(note);

        assertThat(asked.path("resultType").asText()).isEqualTo("input_required");
        JsonNode question = asked.path("inputRequests").path("confirm");
        assertThat(question.path("method").asText()).isEqualTo("elicitation/create");
        String digest = ArgumentRedactor.sha256Hex(Json.canonical(Json.mapper().readTree(arguments(note))));
        assertThat(question.path("params").path("message").asText()).contains("Confirm write call t__note", note,
                "Arguments SHA-256: " + digest, "team test requires confirmation of write calls");
        assertThat(question.path("params").path("requestedSchema").path("required").toString()).isEqualTo("[\"confirm\"]");
        assertThat(asked.path("requestState").asText()).isNotBlank();
        assertThat(EchoToolsetFactory.NOTES).doesNotContain(note);
        JsonNode first = record(correlationId(asked));
        assertThat(first.path("outcome").asText()).isEqualTo("input_required");
        assertThat(first.path("confirmation").asText()).isEqualTo("asked");
        assertThat(first.path("error_kind").isNull()).isTrue();
        assertThat(first.path("arguments_sha256").asText()).isEqualTo(digest);

        JsonNode ran = retry(client, "t__note", arguments(note), ACCEPT, asked.path("requestState").asText());

        assertThat(ran.path("resultType").asText()).isEqualTo("complete");
        assertThat(ran.path("isError").asBoolean()).as(ran.toString()).isFalse();
        assertThat(ran.path("structuredContent").path("noted").asText()).isEqualTo(note);
        assertThat(EchoToolsetFactory.NOTES).containsOnlyOnce(note);
        JsonNode second = record(correlationId(ran));
        assertThat(second.path("outcome").asText()).isEqualTo("success");
        assertThat(second.path("confirmation").asText()).isEqualTo("accepted");
        assertThat(second.path("arguments_sha256").asText()).as("the two records join on the digest").isEqualTo(digest);
    }

    @Test
    void aDeclinedRetryDoesNotRun() throws Exception {
        String note = unique();
        JsonNode asked = ask(note);

        JsonNode declined = retry(client, "t__note", arguments(note), "{\"confirm\":{\"action\":\"decline\"}}",
                asked.path("requestState").asText());

        assertThat(declined.path("isError").asBoolean()).isTrue();
        assertThat(declined.path("_meta").path("errorKind").asText()).isEqualTo("CONFIRMATION_DECLINED");
        assertThat(EchoToolsetFactory.NOTES).doesNotContain(note);
        assertThat(record(correlationId(declined)).path("confirmation").asText()).isEqualTo("declined");
    }

    @Test
    void aReplayedRetryIsRefused() throws Exception {
        String note = unique();
        String state = ask(note).path("requestState").asText();
        assertThat(retry(client, "t__note", arguments(note), ACCEPT, state).path("isError").asBoolean()).isFalse();

        JsonNode replayed = retry(client, "t__note", arguments(note), ACCEPT, state);

        assertThat(replayed.path("_meta").path("errorKind").asText()).isEqualTo("CONFIRMATION_INVALID");
        assertThat(text(replayed)).contains("requestState was already used", "Start the call again");
        assertThat(EchoToolsetFactory.NOTES).containsOnlyOnce(note);
        JsonNode refused = record(correlationId(replayed));
        assertThat(refused.path("confirmation").asText()).isEqualTo("invalid");
        assertThat(refused.path("outcome").asText()).isEqualTo("refused");
    }

    @Test
    void aRetryWithOtherArgumentsIsRefused() throws Exception {
        String note = unique();
        String state = ask(note).path("requestState").asText();

        JsonNode edited = retry(client, "t__note", arguments(note + "-edited"), ACCEPT, state);

        assertThat(edited.path("_meta").path("errorKind").asText()).isEqualTo("CONFIRMATION_INVALID");
        assertThat(text(edited)).contains("requestState was issued for other arguments", "the person confirmed those, not these",
                "Start the call again");
        assertThat(EchoToolsetFactory.NOTES).doesNotContain(note, note + "-edited");
    }

    @Test
    void aRetryOfAnotherToolByAnotherCallerOrWithChangedStateIsRefused() throws Exception {
        String note = unique();
        String state = ask(note).path("requestState").asText();

        JsonNode otherTool = retry(client, "t__fail", "{}", ACCEPT, state);
        JsonNode otherCaller = retry(new ModernHttp(gateway.url(), RunningGateway.OTHER_KEY), "t__note", arguments(note), ACCEPT, state);
        JsonNode changed = retry(client, "t__note", arguments(note), ACCEPT, state.substring(0, state.length() - 2) + "AA");

        assertThat(text(otherTool)).contains("requestState was issued for a call of t__note, not of t__fail");
        assertThat(text(otherCaller)).contains("requestState was issued to another caller, not to apikey:other");
        assertThat(text(changed)).contains("requestState was changed or cut short, or was not issued by this gateway");
        assertThat(List.of(otherTool, otherCaller, changed)).allSatisfy(refused ->
                assertThat(refused.path("_meta").path("errorKind").asText()).isEqualTo("CONFIRMATION_INVALID"));
        assertThat(retry(client, "t__note", arguments(note), ACCEPT, state).path("isError").asBoolean())
                .as("refused retries do not use up the person's answer").isFalse();
    }

    @Test
    void aRetryWithoutAnAnswerIsAskedAgain() throws Exception {
        String note = unique();
        String state = ask(note).path("requestState").asText();

        JsonNode again = retry(client, "t__note", arguments(note), "{}", state);

        assertThat(again.path("resultType").asText()).isEqualTo("input_required");
        assertThat(again.path("inputRequests").has("confirm")).isTrue();
        assertThat(EchoToolsetFactory.NOTES).doesNotContain(note);
        assertThat(retry(client, "t__note", arguments(note), ACCEPT, again.path("requestState").asText()).path("isError").asBoolean())
                .isFalse();
    }

    @Test
    void anExpiredStateIsRefused() throws Exception {
        String note = unique();
        String digest = ArgumentRedactor.sha256Hex(Json.canonical(Json.mapper().readTree(arguments(note))));
        Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        String expired = ConfirmationTickets.create(new ConfirmationsConfig(KEY, null, Duration.ofMinutes(5)), new InMemorySessionStore(
                Duration.ofMinutes(1)), tenMinutesAgo).issue("apikey:test", new CallConfirmation.Request(new CallConfirmation.Subject("t__note",
                "write", "test", List.of()), digest, arguments(note), List.of("test")), "asked-earlier");

        JsonNode refused = retry(client, "t__note", arguments(note), ACCEPT, expired);

        assertThat(refused.path("_meta").path("errorKind").asText()).isEqualTo("CONFIRMATION_INVALID");
        assertThat(text(refused)).contains("the confirmation has expired (a person has 5m to answer)", "Start the call again");
        assertThat(EchoToolsetFactory.NOTES).doesNotContain(note);
    }

    @Test
    void aClientWithoutFormElicitationIsRefusedAndNeverAsked() throws Exception {
        String note = unique();
        for (String capabilities : List.of("{}", "{\"elicitation\":{\"url\":{}}}")) {
            JsonNode refused = call(client, ModernHttp.toolsCall("t__note", arguments(note), capabilities)).path("result");

            assertThat(refused.path("resultType").asText()).isEqualTo("complete");
            assertThat(refused.has("inputRequests")).isFalse();
            assertThat(refused.path("_meta").path("errorKind").asText()).isEqualTo("CONFIRMATION_REQUIRED");
            assertThat(text(refused)).contains("does not support MCP elicitation");
            assertThat(record(correlationId(refused)).path("confirmation").asText()).isEqualTo("unsupported");
        }
        assertThat(EchoToolsetFactory.NOTES).doesNotContain(note);
    }

    @Test
    void readsAskNothing() throws Exception {
        JsonNode read = call(client, ModernHttp.toolsCall("t__echo", "{\"text\":\"plain read\"}", ModernHttp.ELICITATION)).path("result");

        assertThat(read.path("resultType").asText()).isEqualTo("complete");
        assertThat(read.path("structuredContent").path("text").asText()).isEqualTo("plain read");
    }

    @Test
    void withoutAKeyOneInstanceStillAsksWithAKeyOfItsOwn() throws Exception {
        try (RunningGateway keyless = RunningGateway.start(yaml(""))) {
            String note = unique();
            JsonNode asked = ModernHttp.json(new ModernHttp(keyless.url(), RunningGateway.TEST_KEY).post(1, "tools/call",
                    ModernHttp.toolsCall("t__note", arguments(note), ModernHttp.ELICITATION))).path("result");

            assertThat(asked.path("resultType").asText()).isEqualTo("input_required");
            assertThat(asked.has("inputRequests")).isTrue();
            assertThat(EchoToolsetFactory.NOTES).doesNotContain(note);
        }
    }
}
