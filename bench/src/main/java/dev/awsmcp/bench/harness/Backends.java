package dev.awsmcp.bench.harness;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.awsmcp.testkit.MotoServer;
import dev.awsmcp.testkit.MotoServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The AWS backends every target talks to, all on loopback: a moto server (S3, CloudWatch Logs, Lambda,
 * STS; the testkit's {@link MotoServer}) and DynamoDB Local in this JVM ({@code -inMemory}, telemetry off,
 * {@code -sharedDb}: one database whatever the caller's access key, since the gateway calls with assumed-role keys).
 * DynamoDB Local needs its sqlite4java native library: {@code bench/pom.xml} copies it to
 * {@code target/native-libs}, passed here as {@code nativeLibs}.
 */
final class Backends implements AutoCloseable {

    private final MotoServer moto;
    private final DynamoDBProxyServer dynamoDbLocal;
    private final URI dynamoDbEndpoint;

    private Backends(MotoServer moto, DynamoDBProxyServer dynamoDbLocal, URI dynamoDbEndpoint) {
        this.moto = moto;
        this.dynamoDbLocal = dynamoDbLocal;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
    }

    static Backends start(Path nativeLibs, Path logDirectory) throws Exception {
        if (!Files.isDirectory(nativeLibs)) {
            throw new IllegalStateException("sqlite4java natives not found at " + nativeLibs
                    + ": build the bench module first (mvn -B -o -pl bench -am package -DskipTests)");
        }
        System.setProperty("sqlite4java.library.path", nativeLibs.toAbsolutePath().toString());
        MotoServer moto = MotoServer.start(MotoServerOptions.DEFAULT.withLogDirectory(logDirectory));
        int port = freePort();
        DynamoDBProxyServer ddb = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
        try {
            ddb.start();
        } catch (Exception e) {
            moto.close();
            throw e;
        }
        // Lambda functions are stored without Docker; the harness never invokes them.
        moto.post("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
        return new Backends(moto, ddb, URI.create("http://127.0.0.1:" + port));
    }

    /** moto: S3, CloudWatch Logs, Lambda and STS. */
    URI motoEndpoint() {
        return moto.endpoint();
    }

    /** DynamoDB Local. */
    URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            dynamoDbLocal.stop();
        } catch (Exception e) {
            System.err.println("bench: stopping DynamoDB Local failed: " + e.getMessage());
        }
        moto.close();
    }
}
