package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.support.SessionPolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The session policy of a CloudWatch Logs grant. IAM evaluates log-group actions against the group's
 * ARN with or without a {@code :*} suffix depending on the action, and log-stream ARNs
 * ({@code log-group:<name>:log-stream:<stream>}) fall under the {@code :*} form, so both forms are
 * listed. DescribeLogGroups and GetQueryResults support no resource-level permissions (the gateway
 * filters listings; query ids come from StartQuery on granted groups).
 */
final class LogsSessionPolicy {

    static final List<String> GROUP_ACTIONS = List.of("logs:DescribeLogStreams", "logs:FilterLogEvents", "logs:GetLogEvents",
            "logs:StartQuery");

    private LogsSessionPolicy() {
    }

    static String document(SessionPolicyRequest request) {
        List<String> groups = new ArrayList<>();
        for (String pattern : request.resourcePatterns()) {
            String group = request.arn("logs", "log-group:" + SessionPolicyDocument.pattern(pattern));
            groups.add(group);
            groups.add(group + ":*");
        }
        SessionPolicyDocument document = new SessionPolicyDocument();
        if (request.access().contains(Access.READ)) {
            document.allow(List.of("logs:DescribeLogGroups", "logs:GetQueryResults"), List.of("*"))
                    .allow(GROUP_ACTIONS, groups);
        }
        return document.toJson();
    }
}
