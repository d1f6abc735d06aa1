package dev.awsmcp.toolset.api;

import java.util.Base64;
import java.util.Objects;

/**
 * One piece of MCP content a tool returns besides (or instead of) its JSON data, for results that are not
 * only data: prose, an image, audio, an embedded resource. Listed in {@link ToolResult.Success#content()}
 * in the order the model should see them. The gateway's result guard checks every text (of {@link Text}
 * and text {@link EmbeddedResource}s) as it checks JSON strings; binary data (base64) is passed through
 * unchanged with its MIME type. Immutable.
 */
public sealed interface ContentPart {

    /** Text for the model. */
    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image.
     *
     * @param mimeType e.g. {@code image/png}
     * @param data the bytes, base64-encoded
     */
    record Image(String mimeType, String data) implements ContentPart {
        public Image {
            data = checkedBase64(mimeType, data);
        }
    }

    /**
     * Audio.
     *
     * @param mimeType e.g. {@code audio/wav}
     * @param data the bytes, base64-encoded
     */
    record Audio(String mimeType, String data) implements ContentPart {
        public Audio {
            data = checkedBase64(mimeType, data);
        }
    }

    /**
     * A resource embedded in the result: exactly one of {@code text} and {@code blob}.
     *
     * @param uri the resource's URI
     * @param mimeType its MIME type
     * @param text its text, or null when it is binary
     * @param blob its bytes, base64-encoded, or null when it is text
     */
    record EmbeddedResource(String uri, String mimeType, String text, String blob) implements ContentPart {
        public EmbeddedResource {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(mimeType, "mimeType");
            if ((text == null) == (blob == null)) {
                throw new IllegalArgumentException("embedded resource " + uri + " needs exactly one of text and blob");
            }
            blob = blob == null ? null : checkedBase64(mimeType, blob);
        }
    }

    /** Text content. */
    static ContentPart text(String text) {
        return new Text(text);
    }

    /** An image of {@code bytes}. */
    static ContentPart image(String mimeType, byte[] bytes) {
        return new Image(mimeType, Base64.getEncoder().encodeToString(bytes));
    }

    /** Audio of {@code bytes}. */
    static ContentPart audio(String mimeType, byte[] bytes) {
        return new Audio(mimeType, Base64.getEncoder().encodeToString(bytes));
    }

    /** An embedded text resource. */
    static ContentPart resource(String uri, String mimeType, String text) {
        return new EmbeddedResource(uri, mimeType, text, null);
    }

    /** An embedded binary resource of {@code bytes}. */
    static ContentPart resource(String uri, String mimeType, byte[] bytes) {
        return new EmbeddedResource(uri, mimeType, null, Base64.getEncoder().encodeToString(bytes));
    }

    private static String checkedBase64(String mimeType, String data) {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(data, "data");
        Base64.getDecoder().decode(data); // throws IllegalArgumentException when it is not base64
        return data;
    }
}
