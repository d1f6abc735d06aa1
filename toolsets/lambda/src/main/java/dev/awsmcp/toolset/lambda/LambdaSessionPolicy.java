package dev.awsmcp.toolset.lambda;

import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.SessionPolicyRequest;
import dev.awsmcp.toolset.support.SessionPolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The session policy of a Lambda grant. A pattern without {@code :} covers the function and every
 * qualifier of it (IAM names a qualified call {@code function:<name>:<qualifier>}); a pattern with
 * {@code :} covers exactly those qualified names, as in the gateway. ListFunctions and
 * ListEventSourceMappings support no resource-level permissions; the gateway filters and authorizes them.
 */
final class LambdaSessionPolicy {

    static final List<String> READ_ACTIONS = List.of("lambda:GetFunctionConfiguration", "lambda:GetFunctionConcurrency",
            "lambda:ListAliases", "lambda:ListVersionsByFunction");

    private LambdaSessionPolicy() {
    }

    static String document(SessionPolicyRequest request) {
        List<String> functions = new ArrayList<>();
        for (String pattern : request.resourcePatterns()) {
            String function = request.arn("lambda", "function:" + SessionPolicyDocument.pattern(pattern));
            functions.add(function);
            if (!pattern.contains(":")) {
                functions.add(function + ":*");
            }
        }
        SessionPolicyDocument document = new SessionPolicyDocument();
        if (request.access().contains(Access.READ)) {
            document.allow(List.of("lambda:ListFunctions", "lambda:ListEventSourceMappings"), List.of("*"))
                    .allow(READ_ACTIONS, functions);
        }
        if (request.access().contains(Access.INVOKE)) {
            document.allow(List.of("lambda:InvokeFunction"), functions);
        }
        return document.toJson();
    }
}
