package dev.awsmcp.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks of URLs written in the configuration. */
final class HttpUrls {

    private HttpUrls() {
    }

    /** Whether {@code value} is an absolute http or https URL with a host. */
    static boolean isAbsoluteHttp(String value) {
        URI uri = parse(value);
        return uri != null && uri.getHost() != null
                && ("http".equals(lower(uri.getScheme())) || "https".equals(lower(uri.getScheme())));
    }

    /** Whether {@code value} is https, or http to a loopback host (local identity providers in tests). */
    static boolean isHttpsOrLoopback(String value) {
        if (!isAbsoluteHttp(value)) {
            return false;
        }
        URI uri = parse(value);
        String host = lower(uri.getHost());
        return "https".equals(lower(uri.getScheme()))
                || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static URI parse(String value) {
        try {
            return value == null ? null : new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
