package dev.awsmcp.gateway.transport;

import dev.awsmcp.gateway.http.JsonRpcErrors;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;

/**
 * The media type headers of Streamable HTTP, matched exactly: a POST body is {@code application/json}
 * (a {@code charset} parameter, if any, is {@code utf-8}), sent once, without a content coding; the
 * {@code Accept} header lists the types the answer may have ({@code type/subtype}, {@code type/*} or
 * {@code *}{@code /*}).
 */
final class MediaTypes {

    /** A refusal: HTTP status and what to fix. */
    record Refusal(int status, String message) {
    }

    private MediaTypes() {
    }

    /** Why the body headers of POST {@code request} are refused (415), or null when they are fine. */
    static Refusal bodyProblem(HttpServerRequest request) {
        List<String> types = request.headers().getAll("Content-Type");
        if (types.size() != 1) {
            return new Refusal(415, types.isEmpty() ? "Content-Type must be application/json" : "send exactly one Content-Type header");
        }
        String[] parts = types.get(0).split(";");
        if (!lower(parts[0]).equals("application/json")) {
            return new Refusal(415, "Content-Type must be application/json, not '" + JsonRpcErrors.printable(parts[0].trim(), 64) + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            String charset = parameter.length == 2 ? lower(parameter[1]).replace("\"", "") : "";
            if (lower(parameter[0]).equals("charset") && !charset.equals("utf-8")) {
                return new Refusal(415, "the body must be UTF-8 JSON: charset '" + JsonRpcErrors.printable(charset, 64) + "' is not supported");
            }
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null) {
            return new Refusal(415, "Content-Encoding '" + JsonRpcErrors.printable(encoding, 64) + "' is not supported; send the body uncompressed, "
                    + "without a Content-Encoding header");
        }
        return null;
    }

    /** Whether the {@code Accept} header {@code accept} allows {@code mediaType} (e.g. {@code text/event-stream}). */
    static boolean accepts(String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        String family = mediaType.substring(0, mediaType.indexOf('/')) + "/*";
        for (String range : accept.split(",")) {
            String type = lower(range.split(";")[0]);
            if (type.equals(mediaType) || type.equals(family) || type.equals("*/*")) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
