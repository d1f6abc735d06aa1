package dev.awsmcp.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsmcp.gateway.testing.McpHttp;
import dev.awsmcp.gateway.testing.RunningGateway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Through a real gateway over raw sockets: a client cannot hold connections without doing its part
 * (slowloris). Unfinished request heads and bodies, and idle connections, are closed after their
 * deadlines; one address holds a bounded number of connections while another is unaffected; an event
 * stream stays open past the idle timeout on its keep-alive comments, and so does a slow tool call.
 */
class SlowClientsTest {

    private static final String PARTIAL_HEAD = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ";
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.echo("connections: { idleTimeout: 1500ms, headerTimeout: 1s, bodyTimeout: 1s, maxPerAddress: 4 }");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Socket connect(URI base, String fromAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(15_000);
        return socket;
    }

    private static Socket connect(String fromAddress) throws IOException {
        return connect(gateway.url(), fromAddress);
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Everything the server sends until it closes the connection; fails when it does not within the socket timeout. */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the gateway kept the connection open; received: " + received.toString(StandardCharsets.UTF_8));
        } catch (IOException reset) {
            // a reset is a close too
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static String request(String method, String body, String... headers) {
        StringBuilder text = new StringBuilder(method + " /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + RunningGateway.TEST_KEY
                + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        return text.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body).toString();
    }

    @Test
    void anUnfinishedRequestHeadIsClosedAfterTheHeaderTimeout() throws Exception {
        try (Socket socket = connect("127.0.0.1")) {
            send(socket, PARTIAL_HEAD);
            assertThat(readUntilClosed(socket)).isEmpty();
        }
    }

    @Test
    void anUnfinishedBodyIsAnsweredWith408AndClosed() throws Exception {
        try (Socket socket = connect("127.0.0.1")) {
            String whole = request("POST", McpHttp.INITIALIZE);
            send(socket, whole.substring(0, whole.length() - 20));
            String answer = readUntilClosed(socket);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("request body not received within 1000 ms (server.connections.bodyTimeout)");
        }
    }

    @Test
    void aConnectionIdleAfterItsResponseIsClosed() throws Exception {
        try (Socket socket = connect("127.0.0.1")) {
            send(socket, request("POST", McpHttp.INITIALIZE));
            assertThat(readUntilClosed(socket)).startsWith("HTTP/1.1 200").contains("\"serverInfo\"");
        }
    }

    @Test
    void anAddressHoldsAtMostItsConnectionsWhileAnotherAddressIsServed() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(connect("127.0.0.3"));
            }
            try (Socket fifth = connect("127.0.0.3")) {
                fifth.setSoTimeout(800);
                send(fifth, PARTIAL_HEAD);
                assertThat(readUntilClosed(fifth)).isEmpty();
            }
            try (Socket other = connect("127.0.0.4")) {
                send(other, request("POST", McpHttp.INITIALIZE, "Connection", "close"));
                assertThat(readUntilClosed(other)).startsWith("HTTP/1.1 200");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void anEventStreamOutlivesTheIdleTimeoutOnItsKeepAlives() throws Exception {
        String session = new McpHttp(gateway.url()).initialize();
        try (Socket socket = connect("127.0.0.1")) {
            send(socket, "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + RunningGateway.TEST_KEY
                    + "\r\nAccept: text/event-stream\r\nMcp-Session-Id: " + session + "\r\n\r\n");
            socket.setSoTimeout(1000);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            long until = System.nanoTime() + 4_000_000_000L;
            byte[] buffer = new byte[1024];
            while (System.nanoTime() < until) {
                int n = socket.getInputStream().read(buffer);
                assertThat(n).as("stream closed after: " + received).isPositive();
                received.write(buffer, 0, n);
            }
            assertThat(received.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200").contains(": keep-alive");
        }
    }

    @Test
    void aToolCallSlowerThanTheIdleTimeoutIsAnswered() throws Exception {
        McpHttp http = new McpHttp(gateway.url());
        String session = http.initialize();
        var response = http.post(McpHttp.toolsCall(4, "t__sleep", "{\"millis\":1800}"), "Mcp-Session-Id", session);
        assertThat(response.body()).contains(": keep-alive");
        assertThat(McpHttp.response(response.body()).at("/result/structuredContent/slept").asInt()).isEqualTo(1800);
    }

    @Test
    void theAdminListenerClosesUnfinishedRequestHeadsToo() throws Exception {
        try (Socket socket = connect(gateway.adminUrl(), "127.0.0.1")) {
            send(socket, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            assertThat(readUntilClosed(socket)).isEmpty();
        }
    }
}
