package dev.awsmcp.gateway.testing;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one JDK HTTP client of the tests that speak plain HTTP to a gateway (MCP, admin endpoints). HTTP/1.1
 * only: by default JDK 17's client first asks to upgrade to h2c, which the gateway's Vert.x listeners accept,
 * and now and then that upgraded exchange never completes, with no request timeout ending it (a scrape of
 * /metrics hung a test run for ten minutes). Shared, because each JDK client keeps its own selector thread.
 */
public final class GatewayHttp {

    /** HTTP/1.1, connecting within 5 s; give each request its own timeout. */
    public static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayHttp() {
    }
}
