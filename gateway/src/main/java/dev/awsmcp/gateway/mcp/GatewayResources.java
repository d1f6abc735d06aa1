package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.call.CallOrigin;
import dev.awsmcp.gateway.call.ToolCallPipeline;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicyStore;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.api.ResourceTemplateSpec;
import dev.awsmcp.toolset.support.Json;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * The gateway's MCP resources: {@value #WHOAMI} (the caller's principal, teams, visible tools,
 * grants and the session's taint), {@value #USAGE} (each toolset's usage notes with the tools the caller may use), and every
 * toolset's resource templates as {@code <toolset id>://<path>}, each read through the toolset's tool
 * by the {@link ToolCallPipeline} (policy, guard and audit as for any call). What a caller may not see
 * reads as not found, exactly like what does not exist.
 */
final class GatewayResources {

    static final String WHOAMI = "gateway://whoami";
    static final String USAGE = "gateway://toolsets/{toolset}/usage";
    private static final int RESOURCE_NOT_FOUND = -32002;

    private final ToolsetRegistry registry;
    private final PolicyStore policies;
    private final ToolCallPipeline pipeline;

    GatewayResources(ToolsetRegistry registry, PolicyStore policies, ToolCallPipeline pipeline) {
        this.registry = registry;
        this.policies = policies;
        this.pipeline = pipeline;
    }

    /** How a resource, or a resource of a template, is read for a requester: given the URI read. */
    @FunctionalInterface
    interface Reader {
        Mono<McpSchema.ReadResourceResult> read(Requester requester, String uri);
    }

    /** A resource template and how its resources are read. */
    record Template(McpSchema.ResourceTemplate definition, Reader reader) {
    }

    /** {@value #WHOAMI}: everyone's. */
    static McpSchema.Resource whoamiResource() {
        return McpSchema.Resource.builder().uri(WHOAMI).name("whoami").title("Who am I")
                .description("Your principal, teams, the tools you can call, what your teams' policies grant, and this session's taint.")
                .mimeType("application/json").build();
    }

    /** Reads {@value #WHOAMI} for {@code requester}. */
    Mono<McpSchema.ReadResourceResult> whoami(Requester requester) {
        return Mono.fromFuture(() -> pipeline.sessionTaint(requester.origin().taintKey())).map(taint -> whoami(requester, taint));
    }

    /** The resources, for 2025-11-25 sessions whose requesters {@code requesters} tells. */
    List<AsyncResourceSpecification> resources(Function<McpAsyncServerExchange, Requester> requesters) {
        return List.of(new AsyncResourceSpecification(whoamiResource(), (exchange, request) -> whoami(requesters.apply(exchange))));
    }

    /** The templates, for 2025-11-25 sessions whose requesters {@code requesters} tells. */
    List<AsyncResourceTemplateSpecification> templates(Function<McpAsyncServerExchange, Requester> requesters) {
        return templates().stream().map(t -> new AsyncResourceTemplateSpecification(t.definition(),
                (exchange, request) -> t.reader().read(requesters.apply(exchange), request.uri()))).toList();
    }

    /** Every resource template: the toolsets' usage notes and each toolset's own. */
    List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        templates.add(new Template(new McpSchema.ResourceTemplate(USAGE, "toolset-usage", "Toolset usage notes",
                "What a toolset's tools are for, how to keep results small, query syntax pointers, and the tools you may use.",
                "text/markdown", null), (requester, uri) -> Mono.fromSupplier(() -> usage(requester, uri))));
        for (ToolsetInstance instance : registry.instances()) {
            for (ResourceTemplateSpec spec : instance.toolset().resourceTemplates()) {
                String template = uriTemplate(instance, spec);
                templates.add(new Template(new McpSchema.ResourceTemplate(template,
                        instance.config().id() + "-" + spec.name(), spec.title(), spec.description(), "text/plain", null),
                        (requester, uri) -> read(requester, instance, spec, template, uri)));
            }
        }
        return templates;
    }

    /** The URI template a toolset's resource template is exposed under. */
    static String uriTemplate(ToolsetInstance instance, ResourceTemplateSpec spec) {
        return instance.config().id() + "://" + spec.path();
    }

    /** The percent-decoded variable values of {@code uri} under {@code template}; empty when it does not match. */
    static Map<String, String> variables(String template, String uri) {
        Map<String, String> raw = new DefaultMcpUriTemplateManager(template).extractVariableValues(uri);
        Map<String, String> decoded = new LinkedHashMap<>();
        // Percent-decoding only: a '+' is a plus sign in a URI path, not a space.
        raw.forEach((name, value) -> decoded.put(name, URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8)));
        return decoded;
    }

    private McpSchema.ReadResourceResult whoami(Requester requester, dev.awsmcp.gateway.taint.SessionTaint taint) {
        Principal principal = requester.principal();
        EffectivePolicy policy = policies.effective(principal);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("principal", principal.id());
        me.put("groups", principal.groups());
        me.put("teams", policy.teams().stream().sorted().toList());
        me.put("tools", registry.tools().stream().filter(policy::toolVisible).map(RegisteredTool::name).toList());
        me.put("grants", policy.describe());
        me.put("sessionTaint", Json.mapper().convertValue(taint.summary(), Map.class));
        try {
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(WHOAMI, "application/json",
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(me))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private McpSchema.ReadResourceResult usage(Requester requester, String uri) {
        String id = variables(USAGE, uri).get("toolset");
        EffectivePolicy policy = policies.effective(requester.principal());
        List<RegisteredTool> visible = visibleTools(policy, id);
        if (visible.isEmpty()) {
            throw notFound(uri);
        }
        ToolsetInstance instance = registry.instance(id).orElseThrow(() -> notFound(uri));
        StringBuilder text = new StringBuilder(instance.toolset().usageNotes().strip()).append("\n\n## Tools you may use\n\n");
        for (RegisteredTool tool : visible) {
            text.append("- `").append(tool.name()).append("` (").append(tool.spec().access().name().toLowerCase(java.util.Locale.ROOT))
                    .append("): ").append(tool.spec().description()).append('\n');
        }
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "text/markdown", text.toString())));
    }

    /** Whether {@code principal} may read resources of {@code uriTemplate}: usage notes of some toolset, or a template whose tool it may call. */
    boolean templateVisible(Principal principal, String uriTemplate) {
        if (principal == null) {
            return false;
        }
        if (USAGE.equals(uriTemplate)) {
            return true;
        }
        EffectivePolicy policy = policies.effective(principal);
        for (ToolsetInstance instance : registry.instances()) {
            for (ResourceTemplateSpec spec : instance.toolset().resourceTemplates()) {
                if (uriTemplate(instance, spec).equals(uriTemplate)) {
                    return registry.find(instance.config().exposedName(spec.tool())).map(policy::toolVisible).orElse(false);
                }
            }
        }
        return false;
    }

    /** Toolset ids with at least one tool the principal may call, in configuration order. */
    List<String> visibleToolsets(Principal principal) {
        EffectivePolicy policy = policies.effective(principal);
        return registry.instances().stream().map(i -> i.config().id()).filter(id -> !visibleTools(policy, id).isEmpty()).toList();
    }

    private List<RegisteredTool> visibleTools(EffectivePolicy policy, String toolsetId) {
        return registry.tools().stream().filter(t -> t.toolsetId().equals(toolsetId)).filter(policy::toolVisible).toList();
    }

    private Mono<McpSchema.ReadResourceResult> read(Requester requester, ToolsetInstance instance, ResourceTemplateSpec spec,
            String template, String uri) {
        Optional<RegisteredTool> tool = registry.find(instance.config().exposedName(spec.tool()));
        if (tool.isEmpty()) {
            return Mono.error(notFound(uri));
        }
        Map<String, Object> arguments;
        try {
            arguments = Json.mapper().convertValue(spec.arguments().apply(variables(template, uri)), Map.class);
        } catch (IllegalArgumentException e) {
            return Mono.error(McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("invalid resource URI " + uri + ": "
                    + e.getMessage()).build());
        }
        Map<String, Object> callArguments = arguments;
        return McpCallResults.outcome(tool.get().name(), () -> pipeline.call(tool.get(), callArguments, requester.principal(),
                        requester.origin()))
                .onErrorMap(McpError.class, e -> notFound(uri))
                .map(McpCallResults::toMcp)
                .map(result -> {
                    String text = result.content().stream()
                            .filter(McpSchema.TextContent.class::isInstance)
                            .map(c -> ((McpSchema.TextContent) c).text())
                            .collect(Collectors.joining("\n"));
                    if (Boolean.TRUE.equals(result.isError())) {
                        throw McpError.builder(RESOURCE_NOT_FOUND).message("cannot read " + uri + ": " + text).build();
                    }
                    return new McpSchema.ReadResourceResult(contents(uri, text, result.content()), result.meta());
                });
    }

    /**
     * What a read returns: the result's text (the guarded data, or the toolset's text parts), and each
     * binary or embedded part of it as contents of its own under the read URI's MIME type.
     */
    private static List<McpSchema.ResourceContents> contents(String uri, String text, List<McpSchema.Content> content) {
        List<McpSchema.ResourceContents> contents = new ArrayList<>();
        for (McpSchema.Content part : content) {
            if (part instanceof McpSchema.EmbeddedResource embedded) {
                contents.add(embedded.resource());
            } else if (part instanceof McpSchema.ImageContent image) {
                contents.add(new McpSchema.BlobResourceContents(uri, image.mimeType(), image.data()));
            } else if (part instanceof McpSchema.AudioContent audio) {
                contents.add(new McpSchema.BlobResourceContents(uri, audio.mimeType(), audio.data()));
            }
        }
        if (!text.isEmpty() || contents.isEmpty()) {
            contents.add(0, new McpSchema.TextResourceContents(uri, "text/plain", text));
        }
        return contents;
    }

    private static McpError notFound(String uri) {
        return McpError.builder(RESOURCE_NOT_FOUND).message("Resource not found: " + uri).build();
    }
}
