package dev.awsmcp.gateway.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON-RPC message to a client, written once by Jackson into the buffer the response sends: as a JSON body, or as one
 * Server-Sent Event ({@code id:} line when given, {@code event: message}, {@code data:}). A tool result is tens to hundreds
 * of KB; written to a byte array first it was copied three times before Netty copies it into direct memory (Jackson's
 * growing segments, their concatenation, the response buffer), here once, from Jackson's output buffer into the chunks the
 * response is made of; Netty 4.2's allocator then joins the chunks once more as it copies them (JFR: 0.83 times the bytes
 * of the former path). The id of a response is put back exactly as the client sent it ({@link ClientMessage#writeExact}).
 */
final class MessageBytes {

    private static final byte[] EVENT = "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private MessageBytes() {
    }

    /** {@code message} as a JSON body; {@code sdkId}: its id as the SDK holds it, {@code exactId}: as sent (null: the same). */
    static Buffer json(McpJsonMapper json, Object message, Object sdkId, JsonNode exactId) throws IOException {
        Chunks out = new Chunks();
        write(json, message, sdkId, exactId, out);
        return out.buffer();
    }

    /** {@code message} as one SSE event; {@code eventId} is its {@code id:} line (null: none). */
    static Buffer event(McpJsonMapper json, Object message, Object sdkId, JsonNode exactId, String eventId) throws IOException {
        Chunks out = new Chunks();
        if (eventId != null) {
            out.add(("id: " + eventId + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.add(EVENT);
        write(json, message, sdkId, exactId, out);
        out.add(EVENT_END);
        return out.buffer();
    }

    private static void write(McpJsonMapper json, Object message, Object sdkId, JsonNode exactId, Chunks out)
            throws IOException {
        if (ClientMessage.standsIn(sdkId, exactId)) {
            out.add(ClientMessage.writeExact(json, json.writeValueAsString(message), sdkId, exactId).getBytes(StandardCharsets.UTF_8));
        } else if (json instanceof JacksonMcpJsonMapper jackson) {
            // Closes the stream it writes to (AUTO_CLOSE_TARGET), which for Chunks does nothing.
            jackson.getObjectMapper().writeValue(out, message);
        } else {
            out.add(json.writeValueAsBytes(message));
        }
    }

    /**
     * The bytes written so far as the components of one Netty buffer: each write is copied once (Jackson reuses its output
     * buffer) and never again, however long the message grows.
     */
    private static final class Chunks extends OutputStream {

        private final CompositeByteBuf chunks = Unpooled.compositeBuffer(Integer.MAX_VALUE);

        @Override
        public void write(int b) {
            add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (length > 0) {
                add(Arrays.copyOfRange(bytes, offset, offset + length));
            }
        }

        /** {@code bytes} as they are, not copied: arrays nobody writes to again (the framing's constants, new arrays). */
        void add(byte[] bytes) {
            chunks.addComponent(true, Unpooled.wrappedBuffer(bytes));
        }

        Buffer buffer() {
            return BufferInternal.buffer(chunks);
        }
    }
}
