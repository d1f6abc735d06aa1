package dev.awsmcp.bench.harness;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The logical operations of the workload and what each one is on every target: the AWS SDK call of the
 * direct floor, the gateway's tool call, and the peers' tool calls. Every target reads the same data
 * (same item, same 100 items, same 100 events, same object). One place, so a change of workload cannot
 * make the targets drift apart.
 */
enum Operation {
    DDB_GET_ITEM("ddb get_item (1 item)"),
    DDB_QUERY("ddb query (100 items)"),
    LOGS_FILTER("logs filter_log_events (100 events)"),
    LOGS_DESCRIBE_GROUPS("logs describe_log_groups"),
    S3_GET_1K("s3 get_object (1 KB text)"),
    S3_GET_32K("s3 get_object (32 KB text)"),
    LAMBDA_LIST("lambda list_functions"),
    TOOLS_LIST("tools/list"),
    /** MCP ping: the floor of one request through transport, auth and session (CPU phase only). */
    PING("ping");

    /** What the figures are labelled with. */
    final String label;

    Operation(String label) {
        this.label = label;
    }

    /** A tool call: the tool's name and its arguments. */
    record ToolCall(String tool, Map<String, Object> arguments) {
    }

    /** The same operation through the AWS SDK, completing when the whole response is read. */
    CompletableFuture<?> direct(AwsClients aws, DataSet data) {
        return switch (this) {
            case DDB_GET_ITEM -> aws.dynamoDb().getItem(b -> b.tableName(DataSet.TABLE).key(Map.of(
                    "customer", AttributeValue.fromS(data.getItemCustomer()), "order", AttributeValue.fromS(data.getItemOrder()))));
            case DDB_QUERY -> aws.dynamoDb().query(b -> b.tableName(DataSet.TABLE).keyConditionExpression("customer = :c")
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(data.queryCustomer()))).limit(100));
            case LOGS_FILTER -> aws.logs().filterLogEvents(b -> b.logGroupName(data.logGroup(0))
                    .startTime(data.windowStart()).endTime(data.windowEnd()).limit(100));
            case LOGS_DESCRIBE_GROUPS -> aws.logs().describeLogGroups(b -> b.logGroupNamePrefix(DataSet.LOG_GROUP_PREFIX));
            case S3_GET_1K, S3_GET_32K -> aws.s3().getObject(b -> b.bucket(DataSet.BUCKET).key(DataSet.objectKey(objectSize())),
                    software.amazon.awssdk.core.async.AsyncResponseTransformer.toBytes());
            case LAMBDA_LIST -> aws.lambda().listFunctions(b -> b.maxItems(200));
            case TOOLS_LIST, PING -> null;
        };
    }

    /** The gateway's tool call ({@code null} for tools/list). */
    ToolCall gateway(DataSet data) {
        return switch (this) {
            case DDB_GET_ITEM -> call("ddb__get_item", "table", DataSet.TABLE,
                    "key", Map.of("customer", data.getItemCustomer(), "order", data.getItemOrder()));
            case DDB_QUERY -> call("ddb__query", "table", DataSet.TABLE, "key_condition", "customer = :c",
                    "expression_attribute_values", Map.of(":c", data.queryCustomer()), "limit", 100);
            case LOGS_FILTER -> call("logs__filter_log_events", "log_group", data.logGroup(0),
                    "start", Long.toString(data.windowStart()), "end", Long.toString(data.windowEnd()), "limit", 100);
            case LOGS_DESCRIBE_GROUPS -> call("logs__describe_log_groups", "prefix", DataSet.LOG_GROUP_PREFIX);
            case S3_GET_1K, S3_GET_32K -> call("s3__get_object", "bucket", DataSet.BUCKET, "key", DataSet.objectKey(objectSize()));
            case LAMBDA_LIST -> call("lambda__list_functions");
            case TOOLS_LIST, PING -> null;
        };
    }

    /**
     * awslabs.aws-api-mcp-server's {@code call_aws}: the AWS CLI command line, pointed at the backend with
     * {@code --endpoint-url} (the peer accepts loopback endpoints), results bounded like the gateway's.
     */
    ToolCall awsApi(DataSet data, URI moto, URI dynamoDb) {
        String command = switch (this) {
            case DDB_GET_ITEM -> "aws dynamodb get-item --table-name %s --key '{\"customer\":{\"S\":\"%s\"},\"order\":{\"S\":\"%s\"}}' --endpoint-url %s"
                    .formatted(DataSet.TABLE, data.getItemCustomer(), data.getItemOrder(), dynamoDb);
            case DDB_QUERY -> ("aws dynamodb query --table-name %s --key-condition-expression \"customer = :c\""
                    + " --expression-attribute-values '{\":c\":{\"S\":\"%s\"}}' --limit 100 --endpoint-url %s")
                    .formatted(DataSet.TABLE, data.queryCustomer(), dynamoDb);
            case LOGS_FILTER -> "aws logs filter-log-events --log-group-name %s --start-time %d --end-time %d --limit 100 --endpoint-url %s"
                    .formatted(data.logGroup(0), data.windowStart(), data.windowEnd(), moto);
            case LOGS_DESCRIBE_GROUPS -> "aws logs describe-log-groups --log-group-name-prefix %s --endpoint-url %s"
                    .formatted(DataSet.LOG_GROUP_PREFIX, moto);
            // The CLI writes the body to a file in the peer's working directory; the result holds metadata only.
            case S3_GET_1K, S3_GET_32K -> "aws s3api get-object --bucket %s --key %s object-%s.txt --endpoint-url %s"
                    .formatted(DataSet.BUCKET, DataSet.objectKey(objectSize()), objectSize(), moto);
            case LAMBDA_LIST -> "aws lambda list-functions --endpoint-url %s".formatted(moto);
            case TOOLS_LIST, PING -> null;
        };
        return command == null ? null : call("call_aws", "cli_command", command, "max_results", 100);
    }

    /**
     * Why awslabs.cloudwatch-mcp-server cannot run this operation here ({@code null}: it can; only tools/list).
     * It serves CloudWatch only and reads events through Logs Insights queries (a different, asynchronous
     * operation); its {@code describe_log_groups} also calls DescribeQueryDefinitions, which moto does not
     * implement (HTTP 500), so that tool fails on this backend whatever the harness does.
     */
    String cloudWatchUnsupported() {
        return switch (this) {
            case TOOLS_LIST, PING -> null;
            case LOGS_DESCRIBE_GROUPS -> "its describe_log_groups also calls DescribeQueryDefinitions, not implemented by moto (HTTP 500)";
            case LOGS_FILTER -> "no filter_log_events: events only through Logs Insights queries (asynchronous, a different operation)";
            default -> "not offered (CloudWatch only)";
        };
    }

    private String objectSize() {
        return this == S3_GET_1K ? "1k" : "32k";
    }

    private static ToolCall call(String tool, Object... keyValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            arguments.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new ToolCall(tool, arguments);
    }

    /** Not a tool call: an MCP request every MCP target answers and the direct floor has no counterpart of. */
    boolean protocol() {
        return this == TOOLS_LIST || this == PING;
    }

    /** The operations of the latency cells (ping is measured in the CPU phase only). */
    static List<Operation> all() {
        return Arrays.stream(values()).filter(o -> o != PING).toList();
    }
}
