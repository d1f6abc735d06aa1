package dev.awsmcp.bench.harness;

import java.util.Map;

/** (a) The floor: the same operations as plain AWS SDK v2 async calls from this JVM, no MCP at all. */
final class DirectTarget implements Target {

    private final AwsClients aws;
    private final DataSet data;

    DirectTarget(AwsClients aws, DataSet data) {
        this.aws = aws;
        this.data = data;
    }

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public String unsupported(Operation operation) {
        return operation.protocol() ? "no MCP: no " + operation.label : null;
    }

    @Override
    public Client connect() {
        return new Client() {
            @Override
            public Outcome call(Operation operation) {
                Object response = operation.direct(aws, data).join();
                return new Outcome(false, null, -1, -1, Outcome.sample(String.valueOf(response)));
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("kind", "direct", "client", "AWS SDK v2 async clients, one shared Netty HTTP client (as the gateway builds them)");
    }
}
