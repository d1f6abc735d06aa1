package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The params of the MCP 2025-11-25 requests this server answers, checked before the SDK binds them to
 * its types (it would fail on a wrong type with a Java message, or not answer at all): params is an
 * object; each field the method needs is there with the right JSON type; {@code _meta} is an object whose
 * {@code progressToken} is a string or an integer. What is wrong is said in the client's terms, e.g.
 * {@code params.arguments must be an object, got a number}; the client gets it as invalid params (-32602).
 * Unknown fields are allowed (newer clients send more); methods not listed here are the SDK's to answer.
 */
final class McpRequestParams {

    /** Longest tool name accepted in tools/call (configured names are at most 64 characters). */
    static final int MAX_TOOL_NAME = 128;
    private static final int MAX_PROTOCOL_VERSION = 64;
    /** Client names, versions and titles: kept with the session (and in the session table), so bounded. */
    static final int MAX_CLIENT_TEXT = 1024;
    /** The JSON of a client's capabilities, kept with the session: a DynamoDB item holds at most 400 KB. */
    static final int MAX_CAPABILITIES_BYTES = 16 * 1024;
    private static final List<String> LOG_LEVELS = List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");
    private static final List<String> REFERENCE_TYPES = List.of("ref/prompt", "ref/resource");

    private static final Consumer<Check> LISTING = p -> p.optionalText("cursor");
    private static final Map<String, Consumer<Check>> METHODS = Map.ofEntries(
            Map.entry("initialize", p -> p.text("protocolVersion", MAX_PROTOCOL_VERSION).object("capabilities")
                    .maxJsonBytes("capabilities", MAX_CAPABILITIES_BYTES)
                    .optionalObject("capabilities.roots").optionalBoolean("capabilities.roots.listChanged")
                    .optionalObject("capabilities.sampling").optionalObject("capabilities.elicitation")
                    .optionalObject("capabilities.experimental").object("clientInfo")
                    .text("clientInfo.name", MAX_CLIENT_TEXT).text("clientInfo.version", MAX_CLIENT_TEXT)
                    .optionalText("clientInfo.title").maxLength("clientInfo.title", MAX_CLIENT_TEXT)),
            Map.entry("ping", p -> { }),
            Map.entry("tools/list", LISTING),
            Map.entry("resources/list", LISTING),
            Map.entry("resources/templates/list", LISTING),
            Map.entry("prompts/list", LISTING),
            Map.entry("tools/call", p -> p.text("name", MAX_TOOL_NAME).optionalObject("arguments")),
            Map.entry("resources/read", p -> p.text("uri")),
            Map.entry("resources/subscribe", p -> p.text("uri")),
            Map.entry("resources/unsubscribe", p -> p.text("uri")),
            Map.entry("prompts/get", p -> p.text("name").optionalTextValues("arguments")),
            Map.entry("completion/complete", McpRequestParams::completion),
            Map.entry("logging/setLevel", p -> p.oneOf("level", LOG_LEVELS)));

    private McpRequestParams() {
    }

    /** What is wrong with the params of a {@code method} request (null when absent), or null when nothing is. */
    static String problem(String method, JsonNode params) {
        Consumer<Check> rules = METHODS.get(method);
        if (rules == null) {
            return null;
        }
        if (params != null && !params.isObject()) {
            return "params must be an object, got " + kind(params);
        }
        try {
            Check check = new Check(params == null ? JsonNodeFactory.instance.objectNode() : params);
            check.optionalObject("_meta").optionalToken("_meta.progressToken");
            rules.accept(check);
            return null;
        } catch (InvalidParams e) {
            return e.getMessage();
        }
    }

    /** What {@code e}, the SDK's types refusing params that passed {@link #problem}, says, in the client's terms. */
    static String bindingProblem(IllegalArgumentException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder("params");
                for (JsonMappingException.Reference reference : mapping.getPath()) {
                    path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
                }
                return path + " has the wrong type or value";
            }
        }
        return "params do not match the MCP schema";
    }

    private static void completion(Check p) {
        p.object("ref").oneOf("ref.type", REFERENCE_TYPES);
        p.text("ref/prompt".equals(p.at("ref.type").textValue()) ? "ref.name" : "ref.uri");
        p.object("argument").text("argument.name").string("argument.value")
                .optionalObject("context").optionalTextValues("context.arguments");
    }

    /** "a string", "a number", "an object", ... for messages. */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            default -> "null";
        };
    }

    /** Checks of one params object; each throws {@link InvalidParams} naming the field at the first problem. */
    private static final class Check {
        private final JsonNode params;

        Check(JsonNode params) {
            this.params = params;
        }

        JsonNode at(String path) {
            return params.at("/" + path.replace('.', '/'));
        }

        Check text(String path) {
            return text(path, Integer.MAX_VALUE);
        }

        Check text(String path, int maxLength) {
            string(path);
            String value = at(path).textValue();
            if (value.isEmpty()) {
                throw new InvalidParams("params." + path + " must not be empty");
            }
            if (value.length() > maxLength) {
                throw new InvalidParams("params." + path + " is longer than " + maxLength + " characters");
            }
            return this;
        }

        /** A text at {@code path}, when there is one, has at most {@code maxLength} characters. */
        Check maxLength(String path, int maxLength) {
            JsonNode value = at(path);
            if (value.isTextual() && value.textValue().length() > maxLength) {
                throw new InvalidParams("params." + path + " is longer than " + maxLength + " characters");
            }
            return this;
        }

        /** The JSON of {@code path} is at most {@code maxBytes} long. */
        Check maxJsonBytes(String path, int maxBytes) {
            int size = at(path).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (size > maxBytes) {
                throw new InvalidParams("params." + path + " is " + size + " bytes of JSON; at most " + maxBytes + " are accepted");
            }
            return this;
        }

        Check string(String path) {
            return require(path, "a string", JsonNode::isTextual);
        }

        Check optionalText(String path) {
            return at(path).isMissingNode() ? this : string(path);
        }

        Check object(String path) {
            return require(path, "an object", JsonNode::isObject);
        }

        Check optionalObject(String path) {
            return at(path).isMissingNode() ? this : object(path);
        }

        Check optionalBoolean(String path) {
            return at(path).isMissingNode() ? this : require(path, "a boolean", JsonNode::isBoolean);
        }

        Check optionalToken(String path) {
            return at(path).isMissingNode() ? this : require(path, "a string or an integer", n -> n.isTextual() || n.isIntegralNumber());
        }

        Check optionalTextValues(String path) {
            if (at(path).isMissingNode()) {
                return this;
            }
            object(path);
            at(path).fieldNames().forEachRemaining(name -> {
                if (!at(path).get(name).isTextual()) {
                    throw new InvalidParams("params." + path + "." + JsonRpcErrors.printable(name, 64) + " must be a string, got "
                            + kind(at(path).get(name)));
                }
            });
            return this;
        }

        Check oneOf(String path, List<String> values) {
            string(path);
            if (!values.contains(at(path).textValue())) {
                throw new InvalidParams("params." + path + " must be one of " + String.join(", ", values));
            }
            return this;
        }

        private Check require(String path, String expected, java.util.function.Predicate<JsonNode> test) {
            JsonNode node = at(path);
            if (node.isMissingNode()) {
                throw new InvalidParams("params." + path + " is required (" + expected + ")");
            }
            if (!test.test(node)) {
                throw new InvalidParams("params." + path + " must be " + expected + ", got " + kind(node));
            }
            return this;
        }
    }

    /** The first problem found in a params object. */
    private static final class InvalidParams extends RuntimeException {
        InvalidParams(String message) {
            super(message, null, false, false);
        }
    }
}
