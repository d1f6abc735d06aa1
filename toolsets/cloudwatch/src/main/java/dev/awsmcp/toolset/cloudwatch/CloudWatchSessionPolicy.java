package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.support.SessionPolicyDocument;
import java.util.List;

/**
 * The session policy of a CloudWatch grant. Only DescribeAlarmHistory can be scoped to the grant's alarm
 * ARNs. DescribeAlarms is authorized against {@code alarm:*} when it lists (and needs {@code *} for
 * composite alarms), so it gets {@code *} and the gateway filters its results. ListMetrics, GetMetricData
 * and GetMetricStatistics take no alarm resource and no namespace condition: {@code cloudwatch:namespace}
 * exists for PutMetricData only (IAM service authorization reference, Amazon CloudWatch), and a condition
 * on a key the request does not carry would deny every metric read. For metrics the gateway's own
 * authorization of {@code metric-namespace} is the boundary.
 */
final class CloudWatchSessionPolicy {

    static final List<String> UNSCOPED_ACTIONS = List.of("cloudwatch:DescribeAlarms", "cloudwatch:ListMetrics",
            "cloudwatch:GetMetricData");
    static final List<String> ALARM_ACTIONS = List.of("cloudwatch:DescribeAlarmHistory");

    private CloudWatchSessionPolicy() {
    }

    static String document(SessionPolicyRequest request) {
        List<String> alarms = request.resourcePatterns().stream()
                .map(pattern -> request.arn("cloudwatch", "alarm:" + SessionPolicyDocument.pattern(pattern)))
                .toList();
        SessionPolicyDocument document = new SessionPolicyDocument();
        if (request.access().contains(Access.READ)) {
            document.allow(UNSCOPED_ACTIONS, List.of("*")).allow(ALARM_ACTIONS, alarms);
        }
        return document.toJson();
    }
}
