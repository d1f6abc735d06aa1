package dev.awsmcp.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.e2e.ProtocolFuzzCases.Expect;
import dev.awsmcp.gateway.e2e.ProtocolFuzzCases.FuzzCase;
import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RawHttp;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invariants every answer of the gateway keeps, whatever a client sends: no 5xx; a request with a
 * usable id gets exactly one JSON-RPC response echoing the id exactly (as a JSON value: 2^64 stays 2^64);
 * notifications and responses get 202; refusals are 4xx with a JSON-RPC error body; no answer shows Java
 * internals (class names, packages, exception types).
 */
final class ProtocolFuzzOracle {

    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "[A-Za-z]\\$[A-Za-z]|\\bjava\\.|\\bjavax\\.|com\\.fasterxml|io\\.modelcontextprotocol|io\\.vertx|io\\.netty|Exception|JsonNode"
                    + "|StreamRead|McpSchema|\\bat [a-z]+\\.[a-z]");

    private ProtocolFuzzOracle() {
    }

    /** What is wrong with {@code answer} to {@code sent}; empty when nothing is. */
    static List<String> problems(FuzzCase sent, RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        if (answer.status() >= 500) {
            problems.add("HTTP " + answer.status());
        }
        Matcher leak = JAVA_INTERNALS.matcher(answer.body());
        if (leak.find()) {
            int from = Math.max(0, leak.start() - 60);
            problems.add("Java internals in the answer: ..." + answer.body().substring(from, Math.min(answer.body().length(), leak.end() + 60)));
        }
        try {
            if (sent.expect() == Expect.ANSWER) {
                checkAnswered(sent, answer, problems);
            } else if (sent.expect() == Expect.ACCEPTED) {
                if (answer.status() != 202 || !answer.body().isEmpty()) {
                    problems.add("expected 202 with no body, got " + answer.status() + " " + ProtocolFuzzCases.abbreviate(answer.body()));
                }
            } else {
                if (sent.status() != 0 ? answer.status() != sent.status() : answer.status() < 400 || answer.status() >= 500) {
                    problems.add("expected a refusal with " + (sent.status() == 0 ? "a 4xx status" : sent.status()) + ", got " + answer.status()
                            + " " + ProtocolFuzzCases.abbreviate(answer.body()));
                } else {
                    checkError(answer, sent.idText() == null ? null : Json.mapper().readTree(sent.idText()), problems);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("answer is not what the protocol allows (" + e.getMessage() + "): " + ProtocolFuzzCases.abbreviate(answer.body()));
        }
        return problems;
    }

    /** Whether {@code answer} is the gateway handling a tools/call (which then must leave one audit record). */
    static boolean reachedToolCall(FuzzCase sent, RawHttp.Answer answer) {
        return "tools/call".equals(sent.method()) && answer.status() == 200 && answer.header("Content-Type").startsWith("text/event-stream");
    }

    private static void checkAnswered(FuzzCase sent, RawHttp.Answer answer, List<String> problems) throws IOException {
        JsonNode id = Json.mapper().readTree(sent.idText());
        if (answer.status() >= 400 && answer.status() < 500) {
            checkError(answer, id, problems);
            return;
        }
        if (answer.status() != 200) {
            problems.add("a request got HTTP " + answer.status());
            return;
        }
        List<JsonNode> responses = new ArrayList<>();
        List<String> messages = answer.header("Content-Type").startsWith("text/event-stream") ? McpHttp.sseData(answer.body()) : List.of(answer.body());
        for (String data : messages) {
            JsonNode message = Json.mapper().readTree(data);
            if (message.has("result") || message.has("error")) {
                responses.add(message);
            }
        }
        if (responses.size() != 1) {
            problems.add(responses.size() + " JSON-RPC responses to one request: " + ProtocolFuzzCases.abbreviate(answer.body()));
        } else if (!sameId(id, responses.get(0).get("id"))) {
            problems.add("id " + ProtocolFuzzCases.abbreviate(sent.idText()) + " echoed as " + responses.get(0).get("id"));
        }
    }

    /** A JSON-RPC error envelope in a JSON body, with the request's id or null. */
    private static void checkError(RawHttp.Answer answer, JsonNode id, List<String> problems) throws IOException {
        if (!answer.header("Content-Type").startsWith("application/json")) {
            problems.add("refusal " + answer.status() + " without a JSON-RPC error body: " + ProtocolFuzzCases.abbreviate(answer.body()));
            return;
        }
        JsonNode body = Json.mapper().readTree(answer.body());
        if (!"2.0".equals(body.path("jsonrpc").asText()) || !body.at("/error/code").isInt() || body.at("/error/message").asText("").isBlank()) {
            problems.add("not a JSON-RPC error: " + ProtocolFuzzCases.abbreviate(answer.body()));
        }
        JsonNode echoed = body.get("id");
        if (echoed == null || !echoed.isNull() && (id == null || !sameId(id, echoed))) {
            problems.add("refusal carries id " + echoed + (id == null ? "" : " for request id " + ProtocolFuzzCases.abbreviate(id.toString())));
        }
    }

    /** Equal JSON ids: the same string, or the same number whatever its notation. */
    static boolean sameId(JsonNode sent, JsonNode echoed) {
        if (sent == null || echoed == null) {
            return false;
        }
        if (sent.isTextual() || echoed.isTextual()) {
            return sent.isTextual() && echoed.isTextual() && sent.asText().equals(echoed.asText());
        }
        return sent.isNumber() && echoed.isNumber() && sent.decimalValue().compareTo(echoed.decimalValue()) == 0;
    }
}
