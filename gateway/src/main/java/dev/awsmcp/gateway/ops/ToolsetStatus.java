package dev.awsmcp.gateway.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The last health check of one toolset instance.
 *
 * @param id the toolset id
 * @param type the toolset type
 * @param region its AWS region
 * @param up true when the check reached the service with the toolset's credentials
 * @param detail why it failed (ARNs and account ids masked); empty when up
 * @param checkedAt when the check ran (results are reused for {@code admin.toolsetCheckTtl})
 */
public record ToolsetStatus(String id, String type, String region, boolean up, String detail, Instant checkedAt) {

    /** ARNs name roles, accounts and resources: an operator finds them in the configuration, not in health answers. */
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[^\\s\"'(),]*");
    private static final Pattern ACCOUNT = Pattern.compile("\\b\\d{12}\\b");

    public ToolsetStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkedAt, "checkedAt");
        detail = up ? "" : mask(Objects.requireNonNull(detail, "detail"));
    }

    static String mask(String detail) {
        return ACCOUNT.matcher(ARN.matcher(detail).replaceAll("arn:***")).replaceAll("************");
    }

    /** {@code {toolset, type, region, status: UP|DOWN, detail?, checkedAt}}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("toolset", id);
        json.put("type", type);
        json.put("region", region);
        json.put("status", up ? "UP" : "DOWN");
        if (!up) {
            json.put("detail", detail);
        }
        json.put("checkedAt", checkedAt.toString());
        return json;
    }
}
