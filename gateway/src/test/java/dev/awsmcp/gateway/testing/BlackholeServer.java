package dev.awsmcp.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback endpoint that accepts connections and reads requests but never answers: the slowest backend. */
public final class BlackholeServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    public BlackholeServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "blackhole-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Waits (at most 10 s) until {@code count} connections were accepted. */
    public void awaitConnections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (held.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (held.size() < count) {
            throw new IllegalStateException("accepted " + held.size() + " of " + count + " connections within 10 s");
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
