package dev.awsmcp.gateway.audit;

import dev.awsmcp.gateway.guard.SecretRedactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awsmcp.toolset.api.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What of a call's arguments goes into the audit record: values under secret-looking keys
 * (password, secret, token, api/access/secret/private key, authorization, credential, cookie) become
 * {@code "[REDACTED]"}; secrets inside other strings (AWS keys, JWTs, passwords in URLs, ...) are
 * replaced by the result guard's {@link SecretRedactor}, as in results; strings longer than {@value #MAX_STRING_CHARS} characters become
 * {@code {"sha256": hex, "length": n}} so the record stays small yet proves what was sent. A plain
 * {@code key} is kept: it names an S3 object or a DynamoDB item, which the audit must show.
 */
public final class ArgumentRedactor {

    /** Strings longer than this are replaced by their digest. */
    public static final int MAX_STRING_CHARS = 256;
    /** What a redacted value becomes. */
    public static final String REDACTED = "[REDACTED]";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(pass(word|wd|phrase)?|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|signing[-_]?key"
                    + "|authori[sz]ation|credential|cookie|session[-_]?key).*");
    private static final int MAX_DEPTH = 64;
    private static final SecretRedactor SECRETS = new SecretRedactor(true);

    private ArgumentRedactor() {
    }

    /** A redacted copy of {@code arguments}; null stays an empty object. */
    public static JsonNode redact(JsonNode arguments) {
        return arguments == null ? Json.object() : redact(arguments, 0);
    }

    private static JsonNode redact(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            return TextNode.valueOf("[TOO DEEP]");
        }
        if (node.isTextual()) {
            String text = node.asText();
            if (text.length() > MAX_STRING_CHARS) {
                return digest(text);
            }
            String redacted = SECRETS.redact(text).text();
            return redacted.equals(text) ? node : TextNode.valueOf(redacted);
        }
        if (node.isArray()) {
            ArrayNode copy = Json.mapper().createArrayNode();
            node.forEach(item -> copy.add(redact(item, depth + 1)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), isSecretKey(field.getKey()) ? TextNode.valueOf(REDACTED) : redact(field.getValue(), depth + 1));
            }
            return copy;
        }
        return node;
    }

    /** Whether values under {@code name} are redacted. */
    public static boolean isSecretKey(String name) {
        return SECRET_KEY.matcher(name).matches();
    }

    private static ObjectNode digest(String text) {
        ObjectNode digest = Json.object();
        digest.put("sha256", sha256Hex(text));
        digest.put("length", text.length());
        return digest;
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
