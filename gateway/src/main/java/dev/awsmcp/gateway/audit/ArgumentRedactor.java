package dev.awsmcp.gateway.audit;

import dev.awsmcp.gateway.guard.SecretRedactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awsmcp.toolset.support.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What of a call's arguments goes into the audit record: values under secret-looking keys
 * (password, secret, token, api/access/secret/private key, authorization, credential, cookie) become
 * {@code "[REDACTED]"}; secrets inside other strings (AWS keys, JWTs, passwords in URLs, ...) are
 * replaced by the result guard's {@link SecretRedactor}, as in results; strings longer than {@value #MAX_STRING_CHARS} characters become
 * {@code {"sha256": hex, "length": n}} so the record stays small yet proves what was sent. A plain
 * {@code key} is kept: it names an S3 object or a DynamoDB item, which the audit must show. The copy is
 * bounded: property names longer than {@value #MAX_KEY_CHARS} characters are cut ({@link BoundedText}),
 * nesting deeper than {@value #MAX_DEPTH} becomes {@code "[TOO DEEP]"}, and once the copy holds about
 * {@value #MAX_COPY_BYTES} bytes the remaining members of each object give way to one
 * {@code "[truncated]": "N more properties"} member, the remaining items of each array to one
 * {@code "[truncated: N more items]"} item.
 */
public final class ArgumentRedactor {

    /** Strings longer than this are replaced by their digest. */
    public static final int MAX_STRING_CHARS = 256;
    /** Property names longer than this are cut. */
    public static final int MAX_KEY_CHARS = 128;
    /** About the most bytes (as JSON) of arguments an audit record holds. */
    public static final int MAX_COPY_BYTES = 16 * 1024;
    /** What a redacted value becomes. */
    public static final String REDACTED = "[REDACTED]";
    /** The member of an object that says how many members the bounded copy left out. */
    public static final String TRUNCATED = "[truncated]";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)pass(word|wd|phrase)?|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|signing[-_]?key"
                    + "|authori[sz]ation|credential|cookie|session[-_]?key");
    private static final int MAX_DEPTH = 64;
    private static final int DIGEST_BYTES = 100;
    private static final SecretRedactor SECRETS = new SecretRedactor(true);

    private ArgumentRedactor() {
    }

    /**
     * A redacted, bounded copy and whether the bound left something out.
     *
     * @param json the copy
     * @param truncated whether members or items were left out
     */
    public record Redacted(JsonNode json, boolean truncated) {
    }

    /** A redacted, bounded copy of {@code arguments}; null stays an empty object. */
    public static JsonNode redact(JsonNode arguments) {
        return bounded(arguments).json();
    }

    /** A redacted, bounded copy of {@code arguments} (null: an empty object), saying whether it is complete. */
    public static Redacted bounded(JsonNode arguments) {
        if (arguments == null) {
            return new Redacted(Json.object(), false);
        }
        Copy copy = new Copy();
        return new Redacted(copy.of(arguments, 0), copy.truncated);
    }

    /** One bounded copy: the bytes it may still take, and whether it left something out. */
    private static final class Copy {
        private int budget = MAX_COPY_BYTES;
        private boolean truncated;

        JsonNode of(JsonNode node, int depth) {
            if (depth > MAX_DEPTH) {
                budget -= 12;
                return TextNode.valueOf("[TOO DEEP]");
            }
            if (node.isTextual()) {
                return text(node);
            }
            if (node.isArray()) {
                return array(node, depth);
            }
            if (node.isObject()) {
                return object(node, depth);
            }
            budget -= node.toString().length() + 1;
            return node;
        }

        private JsonNode text(JsonNode node) {
            String text = node.asText();
            if (text.length() > MAX_STRING_CHARS) {
                budget -= DIGEST_BYTES;
                return digest(text);
            }
            budget -= text.length() + 3;
            String redacted = SECRETS.redact(text).text();
            return redacted.equals(text) ? node : TextNode.valueOf(redacted);
        }

        private JsonNode array(JsonNode node, int depth) {
            ArrayNode copy = Json.mapper().createArrayNode();
            budget -= 2;
            for (JsonNode item : node) {
                if (budget <= 0) {
                    truncated = true;
                    copy.add("[truncated: " + (node.size() - copy.size()) + " more items]");
                    break;
                }
                copy.add(of(item, depth + 1));
            }
            return copy;
        }

        private JsonNode object(JsonNode node, int depth) {
            ObjectNode copy = Json.object();
            budget -= 2;
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                if (budget <= 0) {
                    truncated = true;
                    copy.put(TRUNCATED, (node.size() - copy.size()) + " more properties");
                    break;
                }
                Map.Entry<String, JsonNode> field = fields.next();
                String key = BoundedText.cut(field.getKey(), MAX_KEY_CHARS);
                budget -= key.length() + 4;
                copy.set(key, isSecretKey(field.getKey()) ? TextNode.valueOf(REDACTED) : of(field.getValue(), depth + 1));
            }
            return copy;
        }
    }

    /** Whether values under {@code name} are redacted. */
    public static boolean isSecretKey(String name) {
        return SECRET_KEY.matcher(name).find();
    }

    private static ObjectNode digest(String text) {
        ObjectNode digest = Json.object();
        digest.put("sha256", sha256Hex(text));
        digest.put("length", text.length());
        return digest;
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        return Sha256.hex(text);
    }
}
