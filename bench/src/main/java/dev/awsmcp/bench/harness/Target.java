package dev.awsmcp.bench.harness;

import java.util.Map;

/**
 * One way of running the workload: the direct AWS SDK floor, the gateway, or a peer MCP server. A target
 * hands out clients (each an MCP session for MCP targets); the runner drives one client per thread.
 */
interface Target extends AutoCloseable {

    /** Short name used in the tables: {@code direct}, {@code gateway}, a peer's package name. */
    String name();

    /** Why this target cannot run {@code operation}, or {@code null} when it can. */
    String unsupported(Operation operation);

    /** The most concurrent clients this target serves (a stdio server serves one). */
    default int maxClients() {
        return Integer.MAX_VALUE;
    }

    /** A new client; for MCP targets a fresh, initialized session. */
    Client connect() throws Exception;

    /** The server process whose CPU and memory are measured, or {@code null} (the direct floor has none). */
    default ProcessMeter meter() {
        return null;
    }

    /** Versions, transport and settings of this target, for the results file. */
    Map<String, Object> describe();

    @Override
    default void close() {
    }

    /** One client of a target; used by one thread at a time. */
    interface Client extends AutoCloseable {
        Outcome call(Operation operation) throws Exception;

        @Override
        void close();
    }

    /**
     * What one call returned.
     *
     * @param error whether the call failed (an exception or an MCP tool error)
     * @param message the error text, or {@code null}
     * @param resultBytes size of the JSON-RPC result as serialized JSON (MCP targets; -1 for direct)
     * @param textBytes UTF-8 bytes of the result's text content, what a client usually puts in the model's context
     * @param sample the start of the result's text, to check by eye that every target read the same data
     */
    record Outcome(boolean error, String message, long resultBytes, long textBytes, String sample) {
        static Outcome failed(String message) {
            return new Outcome(true, message, -1, -1, null);
        }

        static String sample(String text) {
            return text == null ? null : text.length() <= 240 ? text : text.substring(0, 240) + "...";
        }
    }
}
