package dev.awsmcp.toolset.s3;

import dev.awsmcp.toolset.api.CanonicalResource;
import dev.awsmcp.toolset.api.NamePattern;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.ResourceScope;
import dev.awsmcp.toolset.support.ResourceIdentifiers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The resource kinds of S3 tools. Policy patterns are {@code bucket} (the whole bucket) or
 * {@code bucket/keyglob}. Keys are refused when they carry path tricks ({@code .} or {@code ..} segments,
 * {@code //}, a leading {@code /}, percent-encoded octets, backslashes, control or invisible formatting
 * characters) or exceed 1024 bytes: a key must be given exactly as stored.
 */
public final class S3Resources {

    /** A bucket as a whole (its policy, its existence), by name; any pattern inside the bucket covers it. */
    public static final String BUCKET = "bucket";
    /** One object, as {@code bucket/key}. */
    public static final String OBJECT = "object";
    /** Every key under a prefix, as {@code bucket/prefix} ({@code bucket/} for the whole bucket), for listings. */
    public static final String OBJECT_PREFIX = "object-prefix";

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ENCODED_OCTET = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final int MAX_KEY_BYTES = 1024;

    /** The three kinds, for {@code Toolset.resourceKinds()}. */
    public static final List<ResourceKind> KINDS = List.of(
            kind(BUCKET, raw -> new CanonicalResource(BUCKET, bucket(raw)), (pattern, r) -> bucketPart(pattern).matches(r.name())),
            kind(OBJECT, raw -> path(OBJECT, raw), (pattern, r) -> bucketPart(pattern).matches(r.name())
                    && (keyPart(pattern) == null || keyPart(pattern).matches(r.detail()))),
            kind(OBJECT_PREFIX, raw -> path(OBJECT_PREFIX, raw), (pattern, r) -> bucketPart(pattern).matches(r.name())
                    && (keyPart(pattern) == null || keyPart(pattern).coversPrefix(r.detail()))));

    private S3Resources() {
    }

    private static ResourceKind kind(String name, Function<String, CanonicalResource> canonicalizer,
            BiPredicate<NamePattern, CanonicalResource> coverage) {
        return new ResourceKind() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CanonicalResource canonicalize(String raw, ResourceScope scope) {
                return canonicalizer.apply(raw);
            }

            @Override
            public boolean covers(NamePattern pattern, CanonicalResource resource) {
                return coverage.test(pattern, resource);
            }
        };
    }

    private static String bucket(String raw) {
        if (!BUCKET_NAME.matcher(raw).matches() || raw.contains("..")) {
            throw new IllegalArgumentException("'" + ResourceIdentifiers.printable(raw) + "' is not a valid S3 bucket name");
        }
        return raw;
    }

    private static CanonicalResource path(String kind, String raw) {
        int slash = raw.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("S3 reference '" + ResourceIdentifiers.printable(raw) + "' must be bucket/key");
        }
        String key = raw.substring(slash + 1);
        if (OBJECT.equals(kind) && key.isEmpty()) {
            throw new IllegalArgumentException("S3 key must not be empty");
        }
        checkKey(key);
        return new CanonicalResource(kind, bucket(raw.substring(0, slash)), key, "/");
    }

    private static void checkKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("S3 key is longer than 1024 bytes");
        }
        if (key.startsWith("/") || key.contains("//") || key.indexOf('\\') >= 0 || ENCODED_OCTET.matcher(key).find()) {
            throw new IllegalArgumentException("S3 key '" + ResourceIdentifiers.printable(key)
                    + "' has a leading '/', '//', '\\\\' or a percent-encoded octet; give the key exactly as stored, unencoded");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("S3 key '" + ResourceIdentifiers.printable(key) + "' has a '.' or '..' segment");
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new IllegalArgumentException("S3 key has a control or invisible formatting character at position " + i);
            }
        }
    }

    /** The bucket part of a pattern; a pattern starting with '/' names no bucket and matches none. */
    private static NamePattern bucketPart(NamePattern pattern) {
        int slash = pattern.pattern().indexOf('/');
        if (slash == 0) {
            return new NamePattern("/");
        }
        return slash < 0 ? pattern : new NamePattern(pattern.pattern().substring(0, slash));
    }

    /** The key part of {@code bucket/keyglob}; null for {@code bucket} or {@code bucket/} (the whole bucket). */
    private static NamePattern keyPart(NamePattern pattern) {
        int slash = pattern.pattern().indexOf('/');
        return slash < 0 || slash == pattern.pattern().length() - 1 ? null : new NamePattern(pattern.pattern().substring(slash + 1));
    }
}
