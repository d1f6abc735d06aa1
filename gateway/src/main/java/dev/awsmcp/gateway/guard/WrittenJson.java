package dev.awsmcp.gateway.guard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A guarded result object together with its JSON as the guard wrote it to size it (UTF-8, {@link
 * dev.awsmcp.toolset.support.Json#utf8Writer}). A UTF-8 generator, which writes the response a client receives, copies
 * those bytes as the value instead of walking the tree again: a result is written once, not once by the guard and once
 * more as the response's {@code structuredContent}. Any other generator (text, a token buffer for {@code convertValue})
 * walks the tree as for any object.
 *
 * <p>It must be the same JSON as the tree, so the tree cannot change: its members are an unmodifiable map (setting or
 * removing one throws), and the members' values are the guarded ones, which nothing changes in place (the guard copies
 * what it changes; {@code CallCursors} puts a resealed cursor into a new top-level object).
 */
final class WrittenJson extends ObjectNode {

    private static final long serialVersionUID = 1L;

    private final transient byte[] utf8;

    private WrittenJson(ObjectNode json, byte[] utf8) {
        super(JsonNodeFactory.instance, Collections.unmodifiableMap(members(json)));
        this.utf8 = utf8;
    }

    /** {@code json}, written as {@code utf8} (exactly what {@code Json.utf8Writer()} wrote for it). */
    static ObjectNode of(ObjectNode json, byte[] utf8) {
        return new WrittenJson(json, utf8);
    }

    private static Map<String, JsonNode> members(ObjectNode json) {
        Map<String, JsonNode> members = new LinkedHashMap<>(Math.max(4, json.size() * 4 / 3 + 1));
        json.properties().forEach(member -> members.put(member.getKey(), member.getValue()));
        return members;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (utf8 != null && generator instanceof UTF8JsonGenerator && generator.getPrettyPrinter() == null) {
            generator.writeRawValue(new Utf8(utf8));
        } else {
            super.serialize(generator, provider);
        }
    }

    /** JSON already written as UTF-8, for {@link JsonGenerator#writeRawValue(SerializableString)}. */
    private record Utf8(byte[] bytes) implements SerializableString {

        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < bytes.length) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        // Quoting is for names and strings; raw JSON is never quoted.

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is not quoted");
        }
    }
}
