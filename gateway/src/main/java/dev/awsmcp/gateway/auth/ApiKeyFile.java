package dev.awsmcp.gateway.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API key file: {@code keys: [{id: incident-bot, sha256: <64 lowercase hex>}]}. It holds only
 * SHA-256 hashes of keys, never keys; loading it validates ids (unique, {@code [a-z0-9-]+}) and hashes
 * (unique, well formed), and refuses anything that looks like a plaintext key.
 *
 * @param file where it was read from
 * @param keys the entries, in file order; never empty
 */
public record ApiKeyFile(Path file, List<Entry> keys) {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern UPPER_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * One key.
     *
     * @param id the key id: logged, audited and used as principal {@code apikey:<id>}
     * @param sha256 lowercase hex SHA-256 of the key's UTF-8 bytes
     */
    public record Entry(String id, String sha256) {
    }

    /** The document as written; bound strictly (unknown keys rejected). */
    public record Content(List<Entry> keys) {
    }

    public ApiKeyFile {
        keys = List.copyOf(keys);
    }

    /**
     * Reads and validates {@code file} (relative paths resolve against the working directory); throws
     * {@link ConfigException} naming the file, the entry and the fix.
     */
    public static ApiKeyFile load(Path file, ConfigLoader loader) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("auth.apiKeys.file: " + file + " not found (relative paths resolve against the working "
                    + "directory " + Path.of("").toAbsolutePath() + "); create it as described in docs/authentication.md");
        }
        ObjectNode tree = loader.read(file);
        Content content = loader.bind(tree, Content.class, file);
        List<Entry> keys = content.keys() == null ? List.of() : content.keys();
        if (keys.isEmpty()) {
            throw new ConfigException(file + ": keys: no keys listed; add {id, sha256} entries or remove auth.apiKeys");
        }
        validate(file, keys);
        return new ApiKeyFile(file, keys);
    }

    private static void validate(Path file, List<Entry> keys) {
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> hashes = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Entry entry = keys.get(i);
            String at = file + ": keys[" + i + "]";
            if (entry == null || entry.id() == null || !ID.matcher(entry.id()).matches()) {
                throw new ConfigException(at + ".id: required; lowercase letters, digits and '-', e.g. incident-bot");
            }
            checkHash(at, entry.sha256());
            Integer previous = ids.putIfAbsent(entry.id(), i);
            if (previous != null) {
                throw new ConfigException(at + ".id: '" + entry.id() + "' is also used by keys[" + previous + "]; ids must be unique");
            }
            previous = hashes.putIfAbsent(entry.sha256(), i);
            if (previous != null) {
                throw new ConfigException(at + ".sha256: same hash as keys[" + previous + "]; give each client its own key");
            }
        }
    }

    // The value is never echoed: if it is a plaintext key, the error message must not spread it.
    private static void checkHash(String at, String sha256) {
        if (sha256 == null || sha256.isBlank()) {
            throw new ConfigException(at + ".sha256: required; the output of: printf %s \"$KEY\" | sha256sum");
        }
        if (SHA256.matcher(sha256).matches()) {
            return;
        }
        if (UPPER_SHA256.matcher(sha256).matches()) {
            throw new ConfigException(at + ".sha256: write the hash in lowercase hex");
        }
        throw new ConfigException(at + ".sha256: not a SHA-256 hash (64 lowercase hex characters); it looks like a "
                + "plaintext key. Never store keys: put the output of printf %s \"$KEY\" | sha256sum here, and rotate "
                + "this key since it was written down");
    }
}
