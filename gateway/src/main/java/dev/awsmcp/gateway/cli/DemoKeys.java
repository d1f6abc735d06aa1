package dev.awsmcp.gateway.cli;

import dev.awsmcp.gateway.cli.GatewayCommand.CommandFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fresh API keys for the demo: random each run (never a key that lives in the repository), with only
 * their SHA-256 hashes written to a temporary key file readable by the owner alone.
 *
 * @param keys key id to plaintext key
 * @param file the key file the gateway reads
 */
record DemoKeys(Map<String, String> keys, Path file) {

    static DemoKeys create(List<String> ids) {
        SecureRandom random = new SecureRandom();
        Map<String, String> keys = new LinkedHashMap<>();
        StringBuilder yaml = new StringBuilder("# Demo API keys: SHA-256 hashes only; the keys are printed by the demo.\nkeys:\n");
        for (String id : ids) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String key = "mcpgw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            keys.put(id, key);
            yaml.append("  - { id: ").append(id).append(", sha256: ").append(sha256(key)).append(" }\n");
        }
        try {
            Path file = Files.createTempFile("mcp-gateway-demo-keys", ".yaml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            Files.writeString(file, yaml);
            return new DemoKeys(Map.copyOf(keys), file);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write the demo key file: " + e.getMessage(), e);
        }
    }

    String key(String id) {
        return keys.get(id);
    }

    private static String sha256(String key) {
        return dev.awsmcp.gateway.audit.Sha256.hex(key);
    }
}
