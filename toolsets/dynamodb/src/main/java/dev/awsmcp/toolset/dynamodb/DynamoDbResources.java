package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.support.NamedResourceKind;
import java.util.regex.Pattern;

/** The resource kind of DynamoDB tools: a table, by name or ARN ({@code arn:aws:dynamodb:<region>:<account>:table/<name>}). */
public final class DynamoDbResources {

    /** The kind's name, as in {@code ResourceRef.kind()}. */
    public static final String TABLE = "table";

    /** A table; a pattern matches its name. */
    public static final ResourceKind TABLE_KIND = new NamedResourceKind(TABLE, "DynamoDB table",
            Pattern.compile("[A-Za-z0-9_.-]{3,255}"), Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\\d{12}):table/([^/]+)"));

    private DynamoDbResources() {
    }
}
