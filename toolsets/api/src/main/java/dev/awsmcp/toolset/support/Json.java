package dev.awsmcp.toolset.support;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one JSON mapper configuration shared by the gateway and every toolset: strict on input
 * (duplicate keys and trailing tokens rejected, bounded nesting; unknown properties tolerated), deterministic on output.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // DynamoDB numbers and other decimals keep every digit.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Protocol messages from newer clients may carry fields this build does not know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    /** See {@link #utf8Writer()}. */
    private static final ObjectWriter UTF8_WRITER = MAPPER.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);

    private Json() {
    }

    /** The shared mapper; thread-safe, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The shared mapper's writer for UTF-8 bytes that are as long as the text they hold, for bytes that are measured,
     * hashed or read as text again: a character outside the BMP is written as its four UTF-8 bytes, not as two six-byte
     * escapes (the mapper's default for bytes), and an unpaired surrogate, which has no UTF-8 form, as its six-byte
     * escape (lossless, where {@code String.getBytes} would write {@code ?}).
     */
    public static ObjectWriter utf8Writer() {
        return UTF8_WRITER;
    }

    /** {@code json} as compact text with object keys sorted at every level: equal values give equal text. */
    public static String canonical(com.fasterxml.jackson.databind.JsonNode json) {
        try {
            Object tree = MAPPER.convertValue(json, Object.class);
            return MAPPER.writer().with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot be written as JSON", e);
        }
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Reads a JSON object from a classpath resource next to {@code anchor}, for tool schemas shipped in a
     * toolset's jar. Fails loudly at startup when the resource is missing or not an object.
     */
    public static ObjectNode readResource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " not found next to " + anchor.getName());
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name + " next to " + anchor.getName(), e);
        } catch (ClassCastException e) {
            throw new IllegalStateException("resource " + name + " next to " + anchor.getName() + " is not a JSON object", e);
        }
    }
}
