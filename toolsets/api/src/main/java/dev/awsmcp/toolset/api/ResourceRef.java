package dev.awsmcp.toolset.api;

import java.util.Objects;

/**
 * One AWS resource a tool call touches, named before AWS is called so the gateway can authorize it.
 * Policies match these kinds, so toolsets use exactly these names:
 * <ul>
 *   <li>{@code table}: a DynamoDB table, by name or ARN;</li>
 *   <li>{@code bucket}: an S3 bucket as a whole (listing its keys, its policy), by name;</li>
 *   <li>{@code object}: S3 keys, as {@code bucket/key} or {@code bucket/prefix} for listings under a prefix;</li>
 *   <li>{@code log-group}: a CloudWatch Logs group, by name or ARN;</li>
 *   <li>{@code function}: a Lambda function, by name, {@code name:qualifier}, or (partial) ARN.</li>
 * </ul>
 *
 * @param kind one of the kinds above; never blank
 * @param name the identifier exactly as the caller gave it; canonicalization is the gateway's job;
 *     never blank
 */
public record ResourceRef(String kind, String name) {

    /** A DynamoDB table. */
    public static final String TABLE = "table";
    /** An S3 bucket as a whole. */
    public static final String BUCKET = "bucket";
    /** S3 keys: {@code bucket/key} or {@code bucket/prefix}. */
    public static final String OBJECT = "object";
    /** A CloudWatch Logs log group. */
    public static final String LOG_GROUP = "log-group";
    /** A Lambda function. */
    public static final String FUNCTION = "function";

    public ResourceRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("resource kind and name must not be blank");
        }
    }
}
