package dev.awsmcp.gateway.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The keys every instance shares to seal what clients carry between requests (paging cursors, confirmation
 * state): base64 of at least {@value #MIN_KEY_BYTES} random bytes, and previous keys that still open what they
 * sealed while a new key is rolled out. Neither a problem nor a message ever quotes a key.
 */
final class SealingKeys {

    /** The shortest key accepted, in bytes. */
    static final int MIN_KEY_BYTES = 32;

    private SealingKeys() {
    }

    /**
     * Checks the keys of section {@code section}: {@code key} (null: none) and {@code previousKeys} (only with a key).
     *
     * @throws ConfigException naming the key and the fix
     */
    static void check(String section, String key, List<String> previousKeys) {
        if (key != null) {
            decode(key, section + ".key");
        } else if (!previousKeys.isEmpty()) {
            throw new ConfigException(section + ".previousKeys: only with " + section + ".key; set the new key as " + section + ".key");
        }
        for (int i = 0; i < previousKeys.size(); i++) {
            decode(previousKeys.get(i), section + ".previousKeys[" + i + "]");
        }
    }

    /** The keys as bytes: {@code key} first, then {@code previousKeys}; empty when {@code key} is null. */
    static List<byte[]> bytes(String section, String key, List<String> previousKeys) {
        List<byte[]> keys = new ArrayList<>();
        if (key != null) {
            keys.add(decode(key, section + ".key"));
            previousKeys.forEach(k -> keys.add(decode(k, section + ".previousKeys")));
        }
        return keys;
    }

    /** {@code value} trimmed, or null when it is absent or blank. */
    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static byte[] decode(String value, String name) {
        String text = value == null ? "" : value.trim();
        byte[] bytes;
        try {
            bytes = text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": not base64; generate a key with: openssl rand -base64 32");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new ConfigException(name + ": decodes to " + bytes.length + " bytes, fewer than " + MIN_KEY_BYTES
                    + "; generate a key with: openssl rand -base64 32");
        }
        return bytes;
    }
}
