package dev.awsmcp.toolset.api;

import java.util.Objects;

/**
 * One AWS resource a tool call touches, named before AWS is called so the gateway can authorize it.
 * Policies match these kinds, so toolsets use exactly these names:
 * <ul>
 *   <li>{@code table}: a DynamoDB table, by name or ARN;</li>
 *   <li>{@code bucket}: an S3 bucket itself (its policy, its existence), by name; any grant inside the bucket covers it;</li>
 *   <li>{@code object}: one S3 object, as {@code bucket/key};</li>
 *   <li>{@code object-prefix}: every S3 key under a prefix, as {@code bucket/prefix} ({@code bucket/} for the
 *       whole bucket), for listings;</li>
 *   <li>{@code log-group}: a CloudWatch Logs group, by name or ARN;</li>
 *   <li>{@code function}: a Lambda function, by name, {@code name:qualifier}, or (partial) ARN.</li>
 * </ul>
 *
 * <p>A toolset emits one ref for every identifier the arguments carry, empty or blank ones included: the
 * gateway refuses an identifier it cannot canonicalize, so skipping one would send it to AWS unchecked.
 *
 * @param kind one of the kinds above; never blank
 * @param name the identifier exactly as the caller gave it (possibly blank); canonicalization is the
 *     gateway's job; never null
 * @param named true when the caller wrote this identifier in the call's arguments; false when the
 *     toolset derived it (e.g. the log groups behind a query id), and then a refusal must not reveal it
 */
public record ResourceRef(String kind, String name, boolean named) {

    /** A DynamoDB table. */
    public static final String TABLE = "table";
    /** An S3 bucket as a whole. */
    public static final String BUCKET = "bucket";
    /** One S3 object: {@code bucket/key}. */
    public static final String OBJECT = "object";
    /** Every S3 key under a prefix: {@code bucket/prefix}; a listing touches all of them. */
    public static final String OBJECT_PREFIX = "object-prefix";
    /** A CloudWatch Logs log group. */
    public static final String LOG_GROUP = "log-group";
    /** A Lambda function. */
    public static final String FUNCTION = "function";

    public ResourceRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("resource kind must not be blank");
        }
    }

    /** A resource the caller named in the call's arguments. */
    public ResourceRef(String kind, String name) {
        this(kind, name, true);
    }

    /** A resource the toolset derived from the arguments (not written in them); refusals do not name it. */
    public static ResourceRef derived(String kind, String name) {
        return new ResourceRef(kind, name, false);
    }
}
