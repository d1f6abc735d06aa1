package dev.awsmcp.toolset.dynamodb;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.support.SessionPolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The session policy of a DynamoDB grant: the actions of the granted tools on the granted tables and
 * their indexes (query and scan may name an index); ListTables is account-wide in IAM, and the gateway
 * filters its result.
 */
final class DynamoDbSessionPolicy {

    static final List<String> READ_ACTIONS = List.of("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:BatchGetItem",
            "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect");
    static final List<String> WRITE_ACTIONS = List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");

    private DynamoDbSessionPolicy() {
    }

    static String document(SessionPolicyRequest request) {
        List<String> tables = new ArrayList<>();
        List<String> tablesAndIndexes = new ArrayList<>();
        for (String pattern : request.resourcePatterns()) {
            String table = request.arn("dynamodb", "table/" + SessionPolicyDocument.pattern(pattern));
            tables.add(table);
            tablesAndIndexes.add(table);
            tablesAndIndexes.add(table + "/index/*");
        }
        SessionPolicyDocument document = new SessionPolicyDocument();
        if (request.access().contains(Access.READ)) {
            document.allow(List.of("dynamodb:ListTables"), List.of("*"))
                    .allow(READ_ACTIONS, tablesAndIndexes);
        }
        if (request.access().contains(Access.WRITE)) {
            document.allow(WRITE_ACTIONS, tables);
        }
        return document.toJson();
    }
}
