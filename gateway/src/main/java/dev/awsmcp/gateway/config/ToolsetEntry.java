package dev.awsmcp.gateway.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code toolsets[i]} entry: the keys every toolset has, checked here, and the keys of the toolset's
 * type, collected as written; the toolset registry checks those against its factory's option keys. Blank
 * optional values count as absent.
 *
 * @param id the instance id, the prefix of its tool names; required, 1-32 of {@code [a-z0-9-]} starting with a letter
 * @param type the toolset type (its factory); required
 * @param region the AWS region of the instance, e.g. {@code us-east-1}; required
 * @param endpoint an emulator endpoint (http or https URL), or null for the service's own
 * @param access the access classes whose tools the instance exposes; default {@code [read]}, so write and
 *     invoke tools are off until an operator turns them on
 * @param accountId the 12-digit AWS account the instance serves (needed to accept ARNs), or null
 * @param roleArn the IAM role assumed per (team, principal), or null for the gateway's own credentials
 * @param externalId the external id the role's trust policy requires, or null; needs roleArn
 * @param sessionDuration how long assumed credentials live, 15m to 12h, e.g. {@code 1h}; needs roleArn;
 *     default 1h when roleArn is set
 * @param bareNames true when the tools and prompts go without the id prefix: for fixtures and clients that
 *     call fixed names (the conformance suite); default false
 * @param options every other key, for the toolset type; never null
 */
public record ToolsetEntry(String id, String type, String region, String endpoint, List<String> access, String accountId,
        String roleArn, String externalId, Duration sessionDuration, Boolean bareNames,
        @JsonAnySetter Map<String, JsonNode> options) {

    /** The keys every toolset entry may have, whatever its type: every component but {@link #options()}. */
    public static final Set<String> COMMON_KEYS = Arrays.stream(ToolsetEntry.class.getRecordComponents()).map(RecordComponent::getName)
            .filter(name -> !name.equals("options")).collect(Collectors.toUnmodifiableSet());

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public ToolsetEntry {
        id = required(id, "id");
        if (!ID.matcher(id).matches()) {
            throw ConfigException.at("id", "'" + id + "' must be 1-32 characters [a-z0-9-] starting with a letter"
                    + " and must not contain the tool name separator (toolNames.separator)");
        }
        type = required(type, "type");
        region = required(region, "region");
        if (!REGION.matcher(region).matches()) {
            throw ConfigException.at("region", "'" + region + "' is not an AWS region name, e.g. us-east-1");
        }
        endpoint = optional(endpoint);
        if (endpoint != null && !HttpUrls.isAbsoluteHttp(endpoint)) {
            throw ConfigException.at("endpoint", "'" + endpoint + "' is not an http(s) URL, e.g. http://127.0.0.1:5000");
        }
        access = access == null ? List.of("read") : List.copyOf(access);
        accessClasses(access);
        accountId = optional(accountId);
        if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
            throw ConfigException.at("accountId", "'" + accountId + "' is not a 12-digit AWS account id (quote it in YAML)");
        }
        roleArn = optional(roleArn);
        externalId = optional(externalId);
        checkRole(roleArn, externalId, sessionDuration);
        bareNames = bareNames != null && bareNames;
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The access classes of {@link #access()}. */
    public Set<Access> accessClasses() {
        return accessClasses(access);
    }

    /** The endpoint as a URI, or null. */
    public URI endpointUri() {
        return endpoint == null ? null : URI.create(endpoint);
    }

    /** How long assumed credentials live: {@link #sessionDuration()}, 1h when not given. */
    public Duration roleSessionDuration() {
        return sessionDuration == null ? Duration.ofHours(1) : sessionDuration;
    }

    private static Set<Access> accessClasses(List<String> access) {
        if (access.isEmpty()) {
            throw ConfigException.at("access", "must be a non-empty list of read, write, invoke, e.g. [read]");
        }
        Set<Access> classes = EnumSet.noneOf(Access.class);
        for (String item : access) {
            try {
                classes.add(Access.valueOf(String.valueOf(item).trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ConfigException.at("access", "'" + item + "' is not one of read, write, invoke");
            }
        }
        return classes;
    }

    private static void checkRole(String roleArn, String externalId, Duration sessionDuration) {
        if (roleArn == null) {
            if (externalId != null || sessionDuration != null) {
                throw ConfigException.at("", "externalId and sessionDuration need roleArn");
            }
            return;
        }
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw ConfigException.at("roleArn", "'" + roleArn + "' is not an IAM role ARN, e.g. arn:aws:iam::123456789012:role/mcp-ddb-readonly");
        }
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw ConfigException.at("externalId", "must be 2-1224 characters of [\\w+=,.@:/-]");
        }
        if (sessionDuration != null
                && (sessionDuration.compareTo(Duration.ofMinutes(15)) < 0 || sessionDuration.compareTo(Duration.ofHours(12)) > 0)) {
            throw ConfigException.at("sessionDuration", "must be between 15m and 12h (and at most the role's maximum)");
        }
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw ConfigException.at(key, "required (a non-empty string)");
        }
        return value.trim();
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
