package dev.awsmcp.gateway.mcp;

import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.feature.McpAsyncCompletionHandler;
import io.modelcontextprotocol.spec.McpError;
import java.util.List;
import reactor.core.publisher.Mono;

/** What resources, prompts and completions of a 2026-07-28 request need from it, in the gateway's terms. */
final class ModernRequester {

    /** 2025-11-25's "resource not found"; 2026-07-28 answers it as invalid params. */
    private static final int RESOURCE_NOT_FOUND = -32002;

    private ModernRequester() {
    }

    /** Who asks, and from where. */
    static Requester of(McpRequestContext ctx) {
        return new Requester(ModernTools.principal(ctx), ModernTools.origin(ctx));
    }

    /** {@code error} (built for a 2025-11-25 answer) as the 2026-07-28 error: not found is {@code -32602}. */
    static McpException modernError(McpError error) {
        int code = error.getJsonRpcError() == null ? -32603 : error.getJsonRpcError().code();
        return new McpException(code == RESOURCE_NOT_FOUND ? -32602 : code, error.getMessage());
    }

    /** Completes the arguments of the prompt or resource template named {@code reference} with the gateway's completions. */
    static McpAsyncCompletionHandler completer(List<GatewayCompletions.Completion> completions, String reference) {
        return (ctx, request) -> completions.stream()
                .filter(c -> reference.equals(c.reference() instanceof io.modelcontextprotocol.spec.McpSchema.PromptReference prompt
                        ? prompt.name() : ((io.modelcontextprotocol.spec.McpSchema.ResourceReference) c.reference()).uri()))
                .findFirst()
                .map(c -> c.completer().complete(of(ctx), ModernSchema.convert(request, io.modelcontextprotocol.spec.McpSchema.CompleteRequest.class))
                        .map(result -> ModernSchema.convert(result, McpSchema.CompleteResult.class)))
                .orElseGet(() -> Mono.just(McpSchema.CompleteResult.of(new McpSchema.CompleteResult.Completion(List.of()))));
    }
}
