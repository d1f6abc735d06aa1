package dev.awsmcp.toolset.logs;

import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.support.NamedResourceKind;
import java.util.regex.Pattern;

/**
 * The resource kind of log tools: a log group, by name or ARN
 * ({@code arn:aws:logs:<region>:<account>:log-group:<name>}, with or without IAM's {@code :*}).
 */
public final class LogsResources {

    /** The kind's name, as in {@code ResourceRef.kind()}. */
    public static final String LOG_GROUP = "log-group";

    /** A log-group ARN: groups 1 region, 2 account, 3 name. */
    static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:logs:([a-z0-9-]+):(\\d{12}):log-group:([^:]+)(?::\\*)?");

    /** A log group; a pattern matches its name. */
    public static final ResourceKind LOG_GROUP_KIND = new NamedResourceKind(LOG_GROUP, "log group",
            Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}"), ARN);

    private LogsResources() {
    }
}
