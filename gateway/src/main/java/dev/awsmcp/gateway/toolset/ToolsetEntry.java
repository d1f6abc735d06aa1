package dev.awsmcp.gateway.toolset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.net.URI;
import java.net.URISyntaxException;
import dev.awsmcp.gateway.config.Durations;
import dev.awsmcp.gateway.identity.RoleConfig;
import dev.awsmcp.toolset.api.Access;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * Turns one raw {@code toolsets[i]} entry into a {@link ToolsetConfig}: the keys every toolset has
 * ({@code id}, {@code type}, {@code region}, {@code endpoint}, {@code access}, {@code accountId}, {@code roleArn}, {@code externalId},
 * {@code sessionDuration}, {@code bareNames}) are checked here, every other key must be
 * one the factory declares.
 */
final class ToolsetEntry {

    static final Set<String> COMMON_KEYS = Set.of("id", "type", "region", "endpoint", "access", "accountId", "roleArn", "externalId", "sessionDuration",
            "bareNames");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private ToolsetEntry() {
    }

    static String type(ObjectNode entry, String where) {
        return requiredText(entry, "type", where);
    }

    static ToolsetConfig parse(ObjectNode entry, String where, Set<String> optionKeys, String separator) {
        String id = requiredText(entry, "id", where);
        if (!ID.matcher(id).matches() || id.contains(separator)) {
            throw new ConfigException(where + ".id: '" + id + "' must be 1-32 characters [a-z0-9-] starting with a letter"
                    + " and must not contain the tool name separator '" + separator + "'");
        }
        String type = requiredText(entry, "type", where);
        String regionName = requiredText(entry, "region", where);
        if (!regionName.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new ConfigException(where + ".region: '" + regionName + "' is not an AWS region name, e.g. us-east-1");
        }
        ObjectNode options = entry.objectNode();
        Set<String> unknown = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = entry.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (COMMON_KEYS.contains(field.getKey())) {
                continue;
            }
            if (optionKeys.contains(field.getKey())) {
                options.set(field.getKey(), field.getValue());
            } else {
                unknown.add(field.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            Set<String> known = new TreeSet<>(COMMON_KEYS);
            known.addAll(optionKeys);
            throw new ConfigException(where + ": unknown key(s) " + unknown + " for toolset type '" + type
                    + "'; known keys: " + known);
        }
        return new ToolsetConfig(id, type, Region.of(regionName), endpoint(entry, where), options, separator, bareNames(entry, where));
    }

    /**
     * The access classes whose tools the instance exposes: {@code access: [read]} unless the entry
     * widens it, so write and invoke tools are off until an operator turns them on.
     */
    static Set<Access> access(ObjectNode entry, String where) {
        JsonNode node = entry.get("access");
        if (node == null || node.isNull()) {
            return EnumSet.of(Access.READ);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new ConfigException(where + ".access: must be a non-empty list of read, write, invoke, e.g. [read]");
        }
        Set<Access> access = EnumSet.noneOf(Access.class);
        for (JsonNode item : node) {
            try {
                access.add(Access.valueOf(item.asText().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ".access: '" + item.asText() + "' is not one of read, write, invoke");
            }
        }
        return access;
    }

    /**
     * Whether the instance's tools and prompts go without the id prefix ({@code bareNames: true}): meant for
     * fixtures and clients that call fixed names (the conformance suite); every real toolset keeps the
     * namespacing. The registry still refuses any name two toolsets would share.
     */
    private static boolean bareNames(ObjectNode entry, String where) {
        JsonNode node = entry.get("bareNames");
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new ConfigException(where + ".bareNames: must be true or false (default false: tools are named <id>"
                    + "<separator><tool>)");
        }
        return node.booleanValue();
    }

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    /** The role to assume for the instance's calls, or null when {@code roleArn} is absent or empty. */
    static RoleConfig role(ObjectNode entry, String where) {
        String roleArn = optionalText(entry, "roleArn");
        String externalId = optionalText(entry, "externalId");
        String duration = optionalText(entry, "sessionDuration");
        if (roleArn == null) {
            if (externalId != null || duration != null) {
                throw new ConfigException(where + ": externalId and sessionDuration need roleArn");
            }
            return null;
        }
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw new ConfigException(where + ".roleArn: '" + roleArn + "' is not an IAM role ARN, e.g. arn:aws:iam::123456789012:role/mcp-ddb-readonly");
        }
        if (externalId != null && !externalId.matches("[\\w+=,.@:/-]{2,1224}")) {
            throw new ConfigException(where + ".externalId: must be 2-1224 characters of [\\w+=,.@:/-]");
        }
        Duration sessionDuration = duration == null ? Duration.ofHours(1) : Durations.parse(duration, where + ".sessionDuration");
        if (sessionDuration.compareTo(Duration.ofMinutes(15)) < 0 || sessionDuration.compareTo(Duration.ofHours(12)) > 0) {
            throw new ConfigException(where + ".sessionDuration: must be between 15m and 12h (and at most the role's maximum)");
        }
        return new RoleConfig(roleArn, externalId, sessionDuration);
    }

    private static String optionalText(ObjectNode entry, String key) {
        JsonNode node = entry.get(key);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText().trim();
    }

    /** The 12-digit account id when configured (needed to accept ARNs), else null. */
    static String accountId(ObjectNode entry, String where) {
        JsonNode node = entry.get("accountId");
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        String value = node.asText().trim();
        if (!value.matches("\\d{12}")) {
            throw new ConfigException(where + ".accountId: '" + value + "' is not a 12-digit AWS account id (quote it in YAML)");
        }
        return value;
    }

    private static URI endpoint(ObjectNode entry, String where) {
        JsonNode node = entry.get("endpoint");
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(node.asText().trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(node.asText(), "scheme must be http or https with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(where + ".endpoint: '" + node.asText() + "' is not an http(s) URL, e.g. http://127.0.0.1:5000");
        }
    }

    private static String requiredText(ObjectNode entry, String key, String where) {
        JsonNode node = entry.get(key);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ConfigException(where + "." + key + ": required (a non-empty string)");
        }
        return node.asText().trim();
    }
}
