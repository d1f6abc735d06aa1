package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.transport.ResponseFilter;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Cuts the lists the SDK builds for every caller alike to what this caller may use, like
 * {@code tools/list} (which the SDK filters itself): resource templates whose tool the caller may
 * call, prompts it may use. {@code gateway://whoami} is everyone's. Reads, prompts and completions
 * check the same rules, so a hidden entry behaves as absent.
 */
final class CallerLists implements ResponseFilter {

    private final GatewayResources resources;
    private final GatewayPrompts prompts;

    CallerLists(GatewayResources resources, GatewayPrompts prompts) {
        this.resources = resources;
        this.prompts = prompts;
    }

    @Override
    public Object filter(String method, Principal caller, Object result) {
        if (result instanceof McpSchema.ListResourceTemplatesResult templates) {
            return new McpSchema.ListResourceTemplatesResult(templates.resourceTemplates().stream()
                    .filter(t -> resources.templateVisible(caller, t.uriTemplate())).toList(), templates.nextCursor(), templates.meta());
        }
        if (result instanceof McpSchema.ListPromptsResult list) {
            return new McpSchema.ListPromptsResult(list.prompts().stream().filter(p -> prompts.visible(caller, p.name())).toList(),
                    list.nextCursor(), list.meta());
        }
        return result;
    }
}
