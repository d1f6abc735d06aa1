package dev.awsmcp.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;

/**
 * The client as it named itself in {@code initialize} ({@code clientInfo}); self-declared, so a
 * hint for operators, never an identity. Records keep each at most {@value BoundedText#MAX_NAME_CHARS}
 * characters ({@link BoundedText}).
 *
 * @param name the client's name; null when it sent none
 * @param version the client's version; null when it sent none
 */
public record ClientInfo(String name, String version) {

    /** The record's JSON: {@code {"name":..,"version":..}}, or null when {@code client} is null. */
    static JsonNode toJson(ClientInfo client) {
        if (client == null) {
            return NullNode.getInstance();
        }
        ObjectNode json = Json.object();
        json.put("name", BoundedText.name(client.name()));
        json.put("version", BoundedText.name(client.version()));
        return json;
    }
}
