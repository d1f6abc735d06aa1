package dev.awsmcp.toolset.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.ClientRequests;
import dev.awsmcp.toolset.api.ClientRequests.LogLevel;
import dev.awsmcp.toolset.api.ContentPart;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.PromptSpec;
import dev.awsmcp.toolset.api.ResourceTemplateSpec;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The suite's fixtures. Tools answer as the suite's scenario descriptions ask; waits ("~50 ms") use a
 * delayed executor, never a sleeping thread. Resources are read through the {@code read_*} tools, as the
 * gateway reads every resource. Everything is {@link Access#READ} and names no AWS resource.
 */
final class ConformanceToolset implements Toolset {

    private static final Executor LATER = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);
    private static final ObjectNode EMPTY = Json.object();

    @Override
    public List<ToolSpec> tools() {
        return List.of(
                tool("test_simple_text", "Returns one text content."),
                tool("test_image_content", "Returns one image content (a 1x1 PNG)."),
                tool("test_audio_content", "Returns one audio content (a tiny WAV)."),
                tool("test_embedded_resource", "Returns one embedded text resource."),
                tool("test_multiple_content_types", "Returns text, an image and an embedded resource."),
                tool("test_tool_with_logging", "Sends three info log notifications while it runs."),
                tool("test_tool_with_progress", "Reports progress 0, 50 and 100 of 100 while it runs."),
                tool("test_error_handling", "Always returns a tool error."),
                tool("test_sampling", "Asks the client's model to answer the prompt.", Fixtures.PROMPT),
                tool("test_elicitation", "Asks the user for a username and an email.", Fixtures.MESSAGE),
                tool("test_elicitation_sep1034_defaults", "Asks the user for a form whose fields have default values."),
                tool("test_elicitation_sep1330_enums", "Asks the user for a form with every kind of enum field."),
                tool("json_schema_2020_12_tool", "Tool with JSON Schema 2020-12 features", Fixtures.JSON_SCHEMA_2020_12),
                tool("read_static_text", "Reads test://static-text."),
                tool("read_static_binary", "Reads test://static-binary."),
                tool("read_template_data", "Reads test://template/{id}/data.", Fixtures.ID),
                tool("read_watched_resource", "Reads test://watched-resource."));
    }

    @Override
    public List<ResourceTemplateSpec> resourceTemplates() {
        return List.of(
                resource("static-text", "static-text", "A static text resource", "read_static_text"),
                resource("static-binary", "static-binary", "A static binary resource (a PNG)", "read_static_binary"),
                resource("watched-resource", "watched-resource", "A resource clients may subscribe to", "read_watched_resource"),
                new ResourceTemplateSpec("template/{id}/data", "template-data", "Data by id", "Data for one id.", "read_template_data",
                        values -> Json.object().put("id", values.get("id")), Map.of()));
    }

    @Override
    public List<PromptSpec> prompts() {
        return List.of(
                prompt("test_simple_prompt", List.of(), values -> "This is a simple prompt for testing."),
                prompt("test_prompt_with_arguments", List.of(argument("arg1", "First test argument"), argument("arg2", "Second test argument")),
                        values -> "Prompt with arguments: arg1='" + values.get("arg1") + "', arg2='" + values.get("arg2") + "'"),
                // The SPI's prompts are text: no embedded resource and no image (see e2e/conformance-expected-failures.txt).
                prompt("test_prompt_with_embedded_resource", List.of(argument("resourceUri", "URI of the resource to embed")),
                        values -> "Here is the resource you asked about: " + values.get("resourceUri")),
                prompt("test_prompt_with_image", List.of(), values -> "Here is a test image (images in prompts are not supported)."));
    }

    @Override
    public CompletionStage<ToolResult> call(ToolCall call, CallContext context) {
        ClientRequests client = context.control().client();
        return switch (call.tool()) {
            case "test_simple_text" -> done(ContentPart.text("This is a simple text response for testing."));
            case "test_image_content" -> done(ContentPart.image("image/png", Fixtures.PNG));
            case "test_audio_content" -> done(ContentPart.audio("audio/wav", Fixtures.WAV));
            case "test_embedded_resource" -> done(ContentPart.resource("test://embedded-resource", "text/plain",
                    "This is an embedded resource content."));
            case "test_multiple_content_types" -> done(ContentPart.text("Multiple content types test:"),
                    ContentPart.image("image/png", Fixtures.PNG),
                    ContentPart.resource("test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}"));
            case "test_tool_with_logging" -> client.log(LogLevel.INFO, "Tool execution started")
                    .thenComposeAsync(v -> client.log(LogLevel.INFO, "Tool processing data"), LATER)
                    .thenComposeAsync(v -> client.log(LogLevel.INFO, "Tool execution completed"), LATER)
                    .thenApply(v -> text("Tool with logging executed successfully"));
            case "test_tool_with_progress" -> progress(context, 0)
                    .thenRunAsync(() -> context.control().progress(50, 100L, "halfway"), LATER)
                    .thenRunAsync(() -> context.control().progress(100, 100L, "done"), LATER)
                    .thenApply(v -> text("Tool with progress executed successfully"));
            case "test_error_handling" -> CompletableFuture.completedFuture(
                    ToolResult.failure(ToolResult.Kind.UPSTREAM, "This tool intentionally returns an error for testing"));
            case "test_sampling" -> answer(client.sample(call.arguments().path("prompt").asText(), 100)
                    .thenApply(reply -> text("LLM response: " + reply)));
            case "test_elicitation" -> elicit(client, call.arguments().path("message").asText(), Fixtures.USER_FORM, "User response: ");
            case "test_elicitation_sep1034_defaults" -> elicit(client, "Please review and update the form fields with defaults",
                    Fixtures.DEFAULTS_FORM, "Elicitation completed: ");
            case "test_elicitation_sep1330_enums" -> elicit(client, "Please select options from the enum fields",
                    Fixtures.ENUMS_FORM, "Elicitation completed: ");
            case "json_schema_2020_12_tool" -> done(ContentPart.text("Received: " + call.arguments()));
            case "read_static_text" -> done(ContentPart.text("This is the content of the static text resource."));
            case "read_static_binary" -> done(ContentPart.resource("test://static-binary", "image/png", Fixtures.PNG));
            case "read_watched_resource" -> done(ContentPart.text("Watched resource content"));
            case "read_template_data" -> {
                String id = call.arguments().path("id").asText();
                yield done(ContentPart.resource("test://template/" + id + "/data", "application/json",
                        Json.object().put("id", id).put("templateTest", true).put("data", "Data for ID: " + id).toString()));
            }
            default -> CompletableFuture.completedFuture(ToolResult.failure(ToolResult.Kind.INVALID_ARGUMENT, "unknown tool " + call.tool()));
        };
    }

    private static CompletionStage<Void> progress(CallContext context, long done) {
        context.control().progress(done, 100L, "started");
        return CompletableFuture.completedFuture(null);
    }

    private static CompletionStage<ToolResult> elicit(ClientRequests client, String message, ObjectNode form, String prefix) {
        return answer(client.elicit(message, form).thenApply(answer -> text(prefix + "action=" + answer.action().name().toLowerCase(
                java.util.Locale.ROOT) + ", content=" + answer.content())));
    }

    /** The client's refusal (no capability) or failure as a tool error the model can read. */
    private static CompletionStage<ToolResult> answer(CompletionStage<ToolResult> stage) {
        return stage.exceptionally(e -> ToolResult.failure(ToolResult.Kind.UPSTREAM,
                "the client could not answer: " + (e.getCause() == null ? e : e.getCause()).getMessage()));
    }

    private static ToolResult text(String text) {
        return ToolResult.success(EMPTY, List.of(ContentPart.text(text)));
    }

    private static CompletionStage<ToolResult> done(ContentPart... parts) {
        return CompletableFuture.completedFuture(ToolResult.success(EMPTY, List.of(parts)));
    }

    private static ToolSpec tool(String name, String description) {
        return tool(name, description, Fixtures.NO_ARGUMENTS);
    }

    private static ToolSpec tool(String name, String description, ObjectNode schema) {
        return ToolSpec.builder(name).title(name).description(description).inputSchema(schema).access(Access.READ).build();
    }

    private static ResourceTemplateSpec resource(String path, String name, String description, String tool) {
        return new ResourceTemplateSpec(path, name, name, description, tool, values -> Json.object(), Map.of());
    }

    private static PromptSpec prompt(String name, List<PromptSpec.Argument> arguments, Function<Map<String, String>, String> text) {
        return new PromptSpec(name, name, "Conformance fixture prompt " + name, arguments, List.of(), text);
    }

    private static PromptSpec.Argument argument(String name, String description) {
        return new PromptSpec.Argument(name, description, true, null);
    }

    @Override
    public CompletionStage<Health> check(CallContext context) {
        return CompletableFuture.completedFuture(Health.up());
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
