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

    private static final String JSON = "application/json";

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
        String type = types.get(0);
        int semicolon = type.indexOf(';');
        int from = trimStart(type, 0, semicolon < 0 ? type.length() : semicolon);
        int to = trimEnd(type, from, semicolon < 0 ? type.length() : semicolon);
        if (to - from != JSON.length() || !startsWithIgnoreCase(type, from, JSON, JSON.length())) {
            return new Refusal(415, "Content-Type must be application/json, not '" + JsonRpcErrors.printable(type.substring(from, to), 64) + "'");
        }
        if (semicolon >= 0) {
            String[] parameters = type.substring(semicolon + 1).split(";");
            for (String parameter : parameters) {
                String[] pair = parameter.split("=", 2);
                String charset = pair.length == 2 ? lower(pair[1]).replace("\"", "") : "";
                if (lower(pair[0]).equals("charset") && !charset.equals("utf-8")) {
                    return new Refusal(415, "the body must be UTF-8 JSON: charset '" + JsonRpcErrors.printable(charset, 64) + "' is not supported");
                }
            }
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null) {
            return new Refusal(415, "Content-Encoding '" + JsonRpcErrors.printable(encoding, 64) + "' is not supported; send the body uncompressed, "
                    + "without a Content-Encoding header");
        }
        return null;
    }

    /**
     * Whether the {@code Accept} header {@code accept} allows {@code mediaType} (lower case, e.g. {@code text/event-stream}).
     * Read in place, on every request: no splitting or lower-casing copies.
     */
    static boolean accepts(String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        int familyLength = mediaType.indexOf('/') + 1;
        int start = 0;
        while (start <= accept.length()) {
            int end = accept.indexOf(',', start);
            end = end < 0 ? accept.length() : end;
            int typeEnd = accept.indexOf(';', start);
            typeEnd = typeEnd < 0 || typeEnd > end ? end : typeEnd;
            int from = trimStart(accept, start, typeEnd);
            int to = trimEnd(accept, from, typeEnd);
            int length = to - from;
            if (length == mediaType.length() && startsWithIgnoreCase(accept, from, mediaType, length)
                    || length == 3 && accept.startsWith("*/*", from)
                    || length == familyLength + 1 && accept.charAt(to - 1) == '*' && startsWithIgnoreCase(accept, from, mediaType, familyLength)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** The first index in {@code [from, to)} of {@code text} past white space as {@link String#trim} sees it. */
    private static int trimStart(String text, int from, int to) {
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    /** The end of {@code [from, to)} of {@code text} without trailing white space as {@link String#trim} sees it. */
    private static int trimEnd(String text, int from, int to) {
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    /** Whether {@code text} at {@code from} holds the first {@code count} characters of {@code lower}, ASCII letters in either case. */
    private static boolean startsWithIgnoreCase(String text, int from, String lower, int count) {
        for (int i = 0; i < count; i++) {
            char c = text.charAt(from + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
