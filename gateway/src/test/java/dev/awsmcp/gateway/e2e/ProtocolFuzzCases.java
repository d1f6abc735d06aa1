package dev.awsmcp.gateway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed MCP messages from a seeded {@link Random}: every method's params with fields missing, of the
 * wrong type, huge or unknown; odd request ids; notifications and responses nobody asked for; truncated
 * and non-object bodies, batches, other encodings; and header variants the transport must refuse. Each
 * case says what a strict gateway must do with it ({@link Expect}). Strings never contain {@code $},
 * dots or "Exception", so that the oracle's search for Java internals in answers cannot match an echo.
 */
final class ProtocolFuzzCases {

    /** What the gateway must do with a case. */
    enum Expect {
        /** A request with a usable id: exactly one JSON-RPC response echoing the id exactly. */
        ANSWER,
        /** A notification or response: 202 Accepted, no body. */
        ACCEPTED,
        /** Refused at the HTTP level: a 4xx with a JSON-RPC error body (id null or echoed). */
        REFUSED
    }

    /**
     * One message: its body, every header sent (Host and Content-Length are added), the method and raw id
     * text (null when none), what must happen, and the one status a refusal must have (0: any 4xx).
     */
    record FuzzCase(String label, String method, String idText, byte[] body, List<String[]> headers, Expect expect, int status) {
    }

    /** Each method with params a client may send; the fuzzer breaks them. */
    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"roots\":{\"listChanged\":true}},"
                    + "\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}"),
            Map.entry("ping", "{}"),
            Map.entry("tools/list", "{\"cursor\":\"abc\"}"),
            Map.entry("tools/call", "{\"name\":\"ddb__list_tables\",\"arguments\":{\"limit\":5},\"_meta\":{\"progressToken\":7}}"),
            Map.entry("resources/list", "{}"),
            Map.entry("resources/templates/list", "{}"),
            Map.entry("resources/read", "{\"uri\":\"gateway://whoami\"}"),
            Map.entry("resources/subscribe", "{\"uri\":\"gateway://whoami\"}"),
            Map.entry("prompts/list", "{}"),
            Map.entry("prompts/get", "{\"name\":\"investigate_incident\",\"arguments\":{\"service\":\"checkout\",\"symptom\":\"5xx\"}}"),
            Map.entry("completion/complete", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"investigate_incident\"},"
                    + "\"argument\":{\"name\":\"service\",\"value\":\"ch\"},\"context\":{\"arguments\":{\"symptom\":\"x\"}}}"),
            Map.entry("logging/setLevel", "{\"level\":\"info\"}"),
            Map.entry("fuzz/unknown", "{}"));
    private static final List<String> METHODS = TEMPLATES.keySet().stream().sorted().toList();
    private static final List<String> TOOL_NAMES = List.of("ddb__list_tables", "ddb__put_item", "nope__nothing", "", "x".repeat(5000),
            "ddb__describe_table");
    private static final List<String> ODD_VALUES = List.of("5", "-1", "1.5", "\"x\"", "\"\"", "true", "null", "[]", "[1,\"a\"]", "{}",
            "{\"a\":{\"b\":[]}}", "18446744073709551616", "\"" + "y".repeat(5000) + "\"");
    private static final List<String> GOOD_IDS = List.of("0", "-1", "2147483648", "9223372036854775807", "9223372036854775808",
            "18446744073709551616", "-9223372036854775809", "123456789012345678901234567890", "1.5", "1.0", "1e3", "-0.25",
            "\"\"", "\"fuzz-id\"", "\"\\u00fc\\u00df-\\ud83d\\ude00\"", "\"" + "i".repeat(200) + "\"");
    private static final List<String> BAD_IDS = List.of("null", "true", "{}", "[1]", "\"" + "i".repeat(5000) + "\"",
            "1" + "0".repeat(400));
    private static final List<String> NOTIFICATIONS = List.of("notifications/initialized", "notifications/cancelled",
            "notifications/roots/list_changed", "notifications/progress", "notifications/fuzz");

    private final Random random;
    private final String key;
    private final String session;
    private int nextId = 1000;

    ProtocolFuzzCases(Random random, String key, String session) {
        this.random = random;
        this.key = key;
        this.session = session;
    }

    /** The next case. */
    FuzzCase next() {
        int dice = random.nextInt(100);
        if (dice < 45) {
            return brokenParams();
        }
        if (dice < 55) {
            return oddId();
        }
        if (dice < 65) {
            return notification();
        }
        if (dice < 73) {
            return response();
        }
        if (dice < 85) {
            return brokenBody();
        }
        return ProtocolFuzzHeaders.variant(random, this);
    }

    private FuzzCase brokenParams() {
        String method = random.nextInt(4) == 0 ? "tools/call" : pick(METHODS);
        String params = mutate(method);
        String id = String.valueOf(nextId++);
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}";
        boolean initialize = "initialize".equals(method);
        return request(method + " params " + abbreviate(params), method, id, body, initialize ? headers(false) : headers(true));
    }

    /** Params of {@code method}: the template with one thing broken (or, now and then, intact or left out). */
    private String mutate(String method) {
        ObjectNode params = (ObjectNode) read(TEMPLATES.get(method));
        if ("tools/call".equals(method) && random.nextBoolean()) {
            params.put("name", pick(TOOL_NAMES));
        }
        switch (random.nextInt(8)) {
            case 0:
                return random.nextBoolean() ? null : pick(ODD_VALUES);
            case 1:
                return params.toString();
            case 2:
                params.set("unknownField", read(pick(ODD_VALUES)));
                return params.toString();
            default:
                List<String> paths = new ArrayList<>();
                collect(params, "", paths);
                if (paths.isEmpty()) {
                    return pick(ODD_VALUES);
                }
                String path = pick(paths);
                breakAt(params, path);
                return params.toString();
        }
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        node.fieldNames().forEachRemaining(name -> {
            String path = prefix + "/" + name;
            paths.add(path);
            if (node.get(name).isObject()) {
                collect(node.get(name), path, paths);
            }
        });
    }

    private void breakAt(ObjectNode params, String path) {
        int slash = path.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) params.at(path.substring(0, slash));
        String field = path.substring(slash + 1);
        if (random.nextInt(3) == 0) {
            parent.remove(field);
        } else {
            parent.set(field, read(pick(ODD_VALUES)));
        }
    }

    private FuzzCase oddId() {
        String method = pick(List.of("ping", "tools/list", "tools/call", "prompts/list"));
        boolean good = random.nextInt(3) > 0;
        String id = good ? pick(GOOD_IDS) : pick(BAD_IDS);
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + TEMPLATES.get(method) + "}";
        if (!good) {
            return new FuzzCase(method + " with unusable id " + abbreviate(id), method, null, utf8(body), headers(true), Expect.REFUSED, 400);
        }
        return request(method + " with id " + abbreviate(id), method, id, body, headers(true));
    }

    private FuzzCase notification() {
        String method = pick(NOTIFICATIONS);
        int shape = random.nextInt(4);
        String params = switch (shape) {
            case 0 -> null;
            case 1 -> "{\"requestId\":" + pick(GOOD_IDS) + ",\"reason\":" + pick(ODD_VALUES) + "}";
            case 2 -> "{\"progressToken\":" + pick(GOOD_IDS) + ",\"progress\":" + pick(ODD_VALUES) + "}";
            default -> pick(ODD_VALUES);
        };
        boolean objectParams = params == null || params.startsWith("{");
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}";
        return new FuzzCase(method + " params " + abbreviate(params), method, null, utf8(body), headers(true),
                objectParams ? Expect.ACCEPTED : Expect.REFUSED, objectParams ? 202 : 400);
    }

    private FuzzCase response() {
        boolean goodId = random.nextInt(4) > 0;
        String id = goodId ? pick(GOOD_IDS) : pick(BAD_IDS);
        String value = pick(ODD_VALUES);
        int shape = random.nextInt(4);
        String payload = switch (shape) {
            case 0 -> "\"result\":" + value;
            case 1 -> "\"error\":{\"code\":-32601,\"message\":\"no\"}";
            case 2 -> "\"error\":" + value;
            default -> "\"result\":{},\"error\":{\"code\":1,\"message\":\"both\"}";
        };
        // A response is well formed with a usable id and either an object result or an error object with code and message.
        boolean wellFormed = goodId && (shape == 1 || shape == 0 && value.startsWith("{"));
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + "," + payload + "}";
        return new FuzzCase("response id " + abbreviate(id) + " " + abbreviate(payload), null, null, utf8(body), headers(true),
                wellFormed ? Expect.ACCEPTED : Expect.REFUSED, wellFormed ? 202 : 400);
    }

    private FuzzCase brokenBody() {
        String valid = "{\"jsonrpc\":\"2.0\",\"id\":" + nextId++ + ",\"method\":\"tools/call\",\"params\":" + TEMPLATES.get("tools/call") + "}";
        byte[] body;
        String label;
        switch (random.nextInt(9)) {
            case 0 -> {
                int cut = 1 + random.nextInt(valid.length() - 1);
                body = utf8(valid.substring(0, cut));
                label = "truncated after " + cut + " characters";
            }
            case 1 -> {
                body = utf8(pick(List.of("5", "\"x\"", "null", "true", "[]", "1.5", " ")));
                label = "non-object body";
            }
            case 2 -> {
                body = utf8("[" + valid + (random.nextBoolean() ? "," + valid : "") + "]");
                label = "batch";
            }
            case 3 -> {
                body = valid.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
                label = "UTF-16 body";
            }
            case 4 -> {
                body = valid.getBytes(java.nio.charset.Charset.forName("UTF-32"));
                label = "UTF-32 body";
            }
            case 5 -> {
                body = utf8("[".repeat(300) + "]".repeat(300));
                label = "deep nesting";
            }
            case 6 -> {
                body = new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'};
                label = "invalid UTF-8";
            }
            case 7 -> {
                body = utf8(valid.replace("\"id\":", "\"id\":1,\"id\":"));
                label = "duplicate key";
            }
            default -> {
                body = new byte[0];
                label = "empty body";
            }
        }
        return new FuzzCase(label, "tools/call", null, body, headers(true), Expect.REFUSED, 0);
    }

    /** A request with a usable id: the session's headers unless it initializes. */
    private static FuzzCase request(String label, String method, String id, String body, List<String[]> headers) {
        return new FuzzCase(label, method, id, utf8(body), headers, Expect.ANSWER, 0);
    }

    /** The headers a conforming client sends: bearer key, media types, protocol version and (when {@code inSession}) the session. */
    List<String[]> headers(boolean inSession) {
        List<String[]> headers = new ArrayList<>(List.of(new String[] {"Authorization", "Bearer " + key},
                new String[] {"Content-Type", "application/json"}, new String[] {"Accept", "application/json, text/event-stream"}));
        if (inSession) {
            headers.add(new String[] {"Mcp-Session-Id", session});
            headers.add(new String[] {"MCP-Protocol-Version", "2025-11-25"});
        }
        return headers;
    }

    /** A fresh request id (for the header variants). */
    int nextId() {
        return nextId++;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text == null ? "(none)" : text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
