package dev.awsmcp.gateway.server;

import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.audit.ClientInfo;
import dev.awsmcp.gateway.audit.SessionRecord;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.call.CallOrigin;
import dev.awsmcp.gateway.call.ToolCallPipeline;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.gateway.transport.RequestInterceptor;
import dev.awsmcp.gateway.transport.SessionListener;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The transport's view into the audit trail: session start and end records, and a record for each
 * call of a tool name no toolset serves (the SDK answers those itself, after the record is accepted) and
 * for each call the transport refuses for malformed params.
 */
final class AuditedSessions implements SessionListener, RequestInterceptor {


    private final AuditLog audit;
    private final ToolsetRegistry registry;
    private final ToolCallPipeline pipeline;

    AuditedSessions(AuditLog audit, ToolsetRegistry registry, ToolCallPipeline pipeline) {
        this.audit = audit;
        this.registry = registry;
        this.pipeline = pipeline;
    }

    @Override
    public void started(String sessionId, Principal owner, McpSchema.Implementation client) {
        audit.append(SessionRecord.start(sessionId, owner.id(), owner.groups(), clientInfo(client)));
    }

    @Override
    public void ended(String sessionId, Principal owner, McpSchema.Implementation client, String reason) {
        audit.append(SessionRecord.end(sessionId, owner.id(), owner.groups(), clientInfo(client), reason));
    }

    @Override
    public Mono<Void> before(McpSchema.JSONRPCRequest request, String sessionId, Principal principal, McpSchema.Implementation client) {
        if (!McpSchema.METHOD_TOOLS_CALL.equals(request.method()) || !(request.params() instanceof Map<?, ?> params)) {
            return Mono.empty();
        }
        Object name = params.get("name");
        if (name instanceof String tool && registry.find(tool).isPresent()) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> pipeline.recordUnknownTool(toolName(name), arguments(params), principal,
                new CallOrigin(sessionId, clientInfo(client))));
    }

    @Override
    public Mono<Void> refused(McpSchema.JSONRPCRequest request, String problem, String sessionId, Principal principal,
            McpSchema.Implementation client) {
        if (!McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
            return Mono.empty();
        }
        Map<?, ?> params = request.params() instanceof Map<?, ?> map ? map : Map.of();
        return Mono.fromFuture(() -> pipeline.recordInvalidCall(toolName(params.get("name")), arguments(params), problem, principal,
                new CallOrigin(sessionId, clientInfo(client))));
    }

    /**
     * The tool a call named, for its record: the name, the JSON of a value that is not one, or "(missing)"; the record
     * bounds it ({@code BoundedText}: cut, marked, with the digest of the whole).
     */
    private static String toolName(Object name) {
        return name == null ? "(missing)" : name instanceof String s ? s : Json.mapper().valueToTree(name).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> arguments(Map<?, ?> params) {
        return params.get("arguments") instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static ClientInfo clientInfo(McpSchema.Implementation client) {
        return client == null ? null : new ClientInfo(client.name(), client.version());
    }
}
