package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.support.Json;
import java.util.Objects;

/**
 * A call's arguments as its audit record keeps them ({@link ArgumentRedactor}).
 *
 * @param json the arguments, secrets redacted, long strings digested, bounded in size; where members
 *     were left out, a {@code "[truncated]"} member (objects) or item (arrays) says how many
 * @param truncated whether {@code json} leaves anything out
 * @param sha256 lowercase hex SHA-256 of the whole arguments as canonical JSON (keys sorted), the digest a
 *     person confirming the call is shown: it identifies the call even when {@code json} is cut
 */
public record AuditedArguments(JsonNode json, boolean truncated, String sha256) {

    public AuditedArguments {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The record of {@code raw} arguments (null: none, an empty object). */
    public static AuditedArguments of(JsonNode raw) {
        JsonNode arguments = raw == null ? Json.object() : raw;
        ArgumentRedactor.Redacted redacted = ArgumentRedactor.bounded(arguments);
        return new AuditedArguments(redacted.json(), redacted.truncated(), ArgumentRedactor.sha256Hex(Json.canonical(arguments)));
    }
}
