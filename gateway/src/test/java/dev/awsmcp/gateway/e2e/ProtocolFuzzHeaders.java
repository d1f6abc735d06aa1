package dev.awsmcp.gateway.e2e;

import dev.awsmcp.gateway.e2e.ProtocolFuzzCases.Expect;
import dev.awsmcp.gateway.e2e.ProtocolFuzzCases.FuzzCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Header variants of a valid request, each with what the MCP 2025-11-25 Streamable HTTP transport must
 * answer: media types matched exactly (415), both Accept types (406), a served protocol version (400; an
 * older one than the session negotiated is served), no content coding (415), exactly one Authorization
 * header (401), a known session.
 */
final class ProtocolFuzzHeaders {

    private record Variant(String label, UnaryOperator<List<String[]>> change, int status) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("Content-Type application/jsonx", h -> set(h, "Content-Type", "application/jsonx"), 415),
            new Variant("Content-Type text/plain", h -> set(h, "Content-Type", "text/plain"), 415),
            new Variant("Content-Type charset utf-16", h -> set(h, "Content-Type", "application/json; charset=utf-16"), 415),
            new Variant("no Content-Type", h -> set(h, "Content-Type", null), 415),
            new Variant("Content-Type charset UTF-8", h -> set(h, "Content-Type", "application/json; charset=UTF-8"), 200),
            new Variant("Content-Type in capitals", h -> set(h, "Content-Type", "Application/JSON"), 200),
            new Variant("Accept without event-stream", h -> set(h, "Accept", "application/json"), 406),
            new Variant("no Accept", h -> set(h, "Accept", null), 406),
            new Variant("protocol version 2024-11-05 (not Streamable HTTP)", h -> set(h, "MCP-Protocol-Version", "2024-11-05"), 400),
            new Variant("protocol version 1999-01-01", h -> set(h, "MCP-Protocol-Version", "1999-01-01"), 400),
            new Variant("protocol version older than negotiated", h -> set(h, "MCP-Protocol-Version", "2025-06-18"), 200),
            new Variant("no protocol version header", h -> set(h, "MCP-Protocol-Version", null), 200),
            new Variant("Content-Encoding gzip on a plain body", h -> add(h, "Content-Encoding", "gzip"), 415),
            new Variant("Content-Encoding br on a plain body", h -> add(h, "Content-Encoding", "br"), 415),
            new Variant("two Authorization headers", h -> add(h, "Authorization", "Bearer mcpgw_second"), 401),
            new Variant("two equal Authorization headers", h -> add(h, "Authorization", first(h, "Authorization")), 401),
            new Variant("no Authorization", h -> set(h, "Authorization", null), 401),
            new Variant("unknown session", h -> set(h, "Mcp-Session-Id", "no-such-session"), 404),
            new Variant("no session", h -> set(h, "Mcp-Session-Id", null), 400));

    private ProtocolFuzzHeaders() {
    }

    /** A ping or tools/call request with one header variant. */
    static FuzzCase variant(Random random, ProtocolFuzzCases cases) {
        Variant variant = cases.pick(VARIANTS);
        String id = String.valueOf(cases.nextId());
        boolean call = random.nextBoolean();
        String method = call ? "tools/call" : "ping";
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (call ? ",\"params\":{\"name\":\"ddb__list_tables\",\"arguments\":{}}" : "") + "}";
        List<String[]> headers = variant.change().apply(new ArrayList<>(cases.headers(true)));
        boolean accepted = variant.status() == 200;
        return new FuzzCase(method + ", " + variant.label(), method, id, ProtocolFuzzCases.utf8(body), headers,
                accepted ? Expect.ANSWER : Expect.REFUSED, accepted ? 0 : variant.status());
    }

    private static List<String[]> set(List<String[]> headers, String name, String value) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return value == null ? headers : add(headers, name, value);
    }

    private static List<String[]> add(List<String[]> headers, String name, String value) {
        headers.add(new String[] {name, value});
        return headers;
    }

    private static String first(List<String[]> headers, String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).findFirst().orElseThrow()[1];
    }
}
