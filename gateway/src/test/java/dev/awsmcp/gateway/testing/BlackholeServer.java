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
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

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
        await(held::size, count, "connections");
    }

    /** Waits (at most 10 s) until {@code count} connections have each sent the first byte of a request. */
    public void awaitRequests(int count) throws InterruptedException {
        await(requests::get, count, "requests");
    }

    private static void await(java.util.function.IntSupplier seen, int count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (seen.getAsInt() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (seen.getAsInt() < count) {
            throw new IllegalStateException("got " + seen.getAsInt() + " of " + count + " " + what + " within 10 s");
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                held.add(socket);
                Thread reader = new Thread(() -> firstByte(socket), "blackhole-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Counts the connection once its first byte arrives; never answers (the rest stays unread in the socket). */
    private void firstByte(Socket socket) {
        try {
            if (socket.getInputStream().read() >= 0) {
                requests.incrementAndGet();
            }
        } catch (IOException e) {
            // closed: a connection that sent nothing
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
