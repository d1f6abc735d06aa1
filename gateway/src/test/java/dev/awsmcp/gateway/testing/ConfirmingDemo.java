package dev.awsmcp.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.StreamSupport;

/**
 * The demo's configuration and policies copied to a directory of the test's, with one change: the
 * payments team may invoke its Lambda functions once a person confirms ({@code confirm: [invoke]}),
 * which the shipped demo never asks for (its policies grant only reads). Run the demo with
 * {@code DemoProcess.start("--config", config().toString())}. The copy's policies are watched like the
 * demo's, so {@link #toggleTool} reloads them and tells connected clients to list tools again.
 */
public final class ConfirmingDemo {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String PAYMENTS = "payments-oncall.yaml";

    private final Path dir;

    private ConfirmingDemo(Path dir) {
        this.dir = dir;
    }

    /** Writes the configuration and policies into {@code dir}. */
    public static ConfirmingDemo writeTo(Path dir) throws IOException {
        Path root = ExternalCommand.repositoryRoot();
        Path policies = Files.createDirectories(dir.resolve("policies"));
        ObjectNode config = (ObjectNode) YAML.readTree(root.resolve("config/demo.yaml").toFile());
        ((ObjectNode) config.get("policies")).put("dir", policies.toString());
        StreamSupport.stream(config.get("toolsets").spliterator(), false).filter(t -> t.path("type").asText().equals("lambda"))
                .forEach(lambda -> ((ObjectNode) lambda).putArray("access").add("read").add("invoke"));
        YAML.writeValue(dir.resolve("demo.yaml").toFile(), config);

        Files.copy(root.resolve("policies/inventory.yaml"), policies.resolve("inventory.yaml"));
        ObjectNode payments = (ObjectNode) YAML.readTree(root.resolve("policies").resolve(PAYMENTS).toFile());
        ObjectNode lambda = (ObjectNode) payments.at("/toolsets/lambda");
        ((ArrayNode) lambda.get("tools")).add("invoke");
        lambda.putArray("access").add("read").add("invoke");
        payments.putArray("confirm").add("invoke");
        YAML.writeValue(policies.resolve(PAYMENTS).toFile(), payments);
        return new ConfirmingDemo(dir);
    }

    /** The configuration file for {@code demo --config}. */
    public Path config() {
        return dir.resolve("demo.yaml");
    }

    /** Grants or withdraws {@code tool} in the payments team's {@code toolset} grant (whichever it is not now); returns whether it is granted now. */
    public boolean toggleTool(String toolset, String tool) throws IOException {
        Path file = dir.resolve("policies").resolve(PAYMENTS);
        ObjectNode payments = (ObjectNode) YAML.readTree(file.toFile());
        ArrayNode tools = (ArrayNode) payments.at("/toolsets/" + toolset + "/tools");
        int index = indexOf(tools, tool);
        if (index >= 0) {
            tools.remove(index);
        } else {
            tools.add(tool);
        }
        // Written whole and moved into place, so the policy poller never reads half a file.
        Path next = Files.createTempFile(dir, "payments", ".yaml.tmp");
        YAML.writeValue(next.toFile(), payments);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return index < 0;
    }

    private static int indexOf(ArrayNode values, String value) {
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            if (v.asText().equals(value)) {
                return i;
            }
        }
        return -1;
    }
}
