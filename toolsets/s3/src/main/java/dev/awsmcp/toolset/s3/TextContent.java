package dev.awsmcp.toolset.s3;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether object bytes are text, and cuts and decodes UTF-8 without splitting a character.
 * Text means: the content type is not a known binary type or encoding, and the first
 * {@link #SNIFF_BYTES} bytes hold no NUL and are valid UTF-8. Content types are only a hint because
 * uploads often leave them at {@code binary/octet-stream}.
 */
final class TextContent {

    static final int SNIFF_BYTES = 1024;

    private static final Set<String> BINARY_TYPES = Set.of("application/gzip", "application/x-gzip",
            "application/zip", "application/x-tar", "application/x-bzip2", "application/x-xz", "application/zstd",
            "application/x-7z-compressed", "application/pdf", "application/java-archive", "application/vnd.apache.parquet",
            "application/x-parquet", "application/avro", "application/x-protobuf", "application/wasm",
            "application/x-executable", "application/x-sharedlib", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Set<String> BINARY_FAMILIES = Set.of("image", "audio", "video", "font", "model");

    /** Why bytes are not text, or null when they are. */
    record Verdict(boolean text, String reason) {
    }

    private TextContent() {
    }

    /** Classifies {@code bytes[from..]} of an object with the given headers (either may be null). */
    static Verdict classify(String contentType, String contentEncoding, byte[] bytes, int from) {
        String type = mediaType(contentType);
        if (BINARY_TYPES.contains(type) || BINARY_FAMILIES.contains(type.split("/", 2)[0])) {
            return new Verdict(false, "content type " + type);
        }
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (!encoding.isEmpty() && !encoding.equals("identity") && !encoding.equals("aws-chunked")) {
            return new Verdict(false, "content encoding " + encoding);
        }
        int end = Math.min(bytes.length, from + SNIFF_BYTES);
        for (int i = from; i < end; i++) {
            if (bytes[i] == 0) {
                return new Verdict(false, "NUL byte at offset " + (i - from) + " of the range");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, end - from);
        // endOfInput=false: a character cut by the sniff window is not an error.
        CoderResult result = decoder.decode(in, CharBuffer.allocate(end - from), false);
        if (result.isError()) {
            return new Verdict(false, "not valid UTF-8 at offset " + (in.position() - from) + " of the range");
        }
        return new Verdict(true, null);
    }

    /** The media type in lower case without parameters; "" when absent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Continuation bytes at the start (at most 3): the tail of a character that began before the range.
     */
    static int leadingContinuationBytes(byte[] bytes) {
        int i = 0;
        while (i < Math.min(3, bytes.length) && isContinuation(bytes[i])) {
            i++;
        }
        return i;
    }

    /**
     * The largest end &le; {@code end} that does not split a UTF-8 sequence starting in {@code [from, end)}.
     * Invalid bytes count as one-byte characters.
     */
    static int characterBoundary(byte[] bytes, int from, int end) {
        int lead = end - 1;
        // Walk back over at most 3 continuation bytes to the lead byte of the last character.
        while (lead > from && end - lead < 4 && isContinuation(bytes[lead])) {
            lead--;
        }
        int length = sequenceLength(bytes[lead]);
        return length > end - lead ? lead : end;
    }

    /**
     * The largest end &le; {@code end} such that {@code bytes[from, end)} as a JSON string costs at most
     * {@code budget} bytes: quotes and backslashes are escaped in two bytes, control characters in two or six.
     */
    static int fitJson(byte[] bytes, int from, int end, int budget) {
        long cost = 0;
        for (int i = from; i < end; i++) {
            cost += jsonCost(bytes[i]);
            if (cost > budget) {
                return i;
            }
        }
        return end;
    }

    /** Decodes UTF-8, replacing invalid sequences (past the sniffed window) with U+FFFD. */
    static String decode(byte[] bytes, int from, int end) {
        return new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }

    private static int jsonCost(byte b) {
        if (b == '"' || b == '\\' || b == '\n' || b == '\r' || b == '\t' || b == '\b' || b == '\f') {
            return 2;
        }
        return b >= 0 && b < 0x20 ? 6 : 1;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        if (b >= 0xE0) {
            return b <= 0xEF ? 3 : 1;
        }
        return b >= 0xC2 ? 2 : 1;
    }
}
