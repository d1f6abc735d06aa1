package dev.awsmcp.toolset.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The description of one tool: what the model sees in {@code tools/list} and what the gateway needs
 * to validate and authorize a call before the toolset runs. Immutable; built once when the toolset is
 * created, with {@link #builder(String)}.
 *
 * @param name short name, unique within the toolset, {@code [a-z0-9_]+}; the gateway exposes it as
 *     {@code <toolset id><separator><name>}
 * @param title human-readable title, never blank
 * @param description short, precise description for the model (every byte costs context), never blank
 * @param inputSchema JSON Schema (draft 2020-12) of the arguments; the gateway validates every call
 *     against it before {@link Toolset#call}; must be of {@code "type": "object"}
 * @param outputSchema JSON Schema of {@code structuredContent}, or {@code null} when not declared
 * @param access the access class policies grant; never null (use {@link Access#WRITE} when unsure)
 * @param resourceKinds the {@link ResourceKind} names {@code resources} may emit, each declared by the
 *     toolset's {@link Toolset#resourceKinds()} (checked at startup); empty for tools that name none. A
 *     call whose resources carry another kind is refused
 * @param resources maps validated arguments to every resource the call touches; may return an empty
 *     list for account-wide listings; must not call AWS; throws {@link IllegalArgumentException} with a
 *     message for the model when the arguments cannot name their resources (for example an unparseable
 *     statement), which the gateway reports as invalid arguments without calling the toolset
 * @param freshness how long a result may be cached (READ tools only); never null
 * @param longRunning whether a call may outlast what a client waits for on one request (a query the service runs
 *     for minutes): a client that supports the MCP tasks extension may then get the call as a task it polls and can
 *     cancel, the call itself unchanged; false for calls that answer within a request
 */
public record ToolSpec(
        String name,
        String title,
        String description,
        ObjectNode inputSchema,
        ObjectNode outputSchema,
        Access access,
        Set<String> resourceKinds,
        Function<JsonNode, List<ResourceRef>> resources,
        Freshness freshness,
        boolean longRunning) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' must match [a-z0-9_]+");
        }
        requireText(title, "title", name);
        requireText(description, "description", name);
        Objects.requireNonNull(inputSchema, "inputSchema of " + name);
        if (!"object".equals(inputSchema.path("type").asText())) {
            throw new IllegalArgumentException("inputSchema of tool '" + name + "' must have \"type\": \"object\"");
        }
        Objects.requireNonNull(access, "access of " + name);
        resourceKinds = Set.copyOf(Objects.requireNonNull(resourceKinds, "resourceKinds of " + name));
        Objects.requireNonNull(resources, "resources of " + name);
        Objects.requireNonNull(freshness, "freshness of " + name);
        inputSchema = inputSchema.deepCopy();
        outputSchema = outputSchema == null ? null : outputSchema.deepCopy();
    }

    private static void requireText(String value, String field, String tool) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " of tool '" + tool + "' must not be blank");
        }
    }

    /** True when the tool changes nothing; the gateway derives the MCP {@code readOnlyHint} from it. */
    public boolean readOnly() {
        return access == Access.READ;
    }

    /**
     * Starts a spec named {@code name}. Defaults: no output schema, {@link Access#WRITE} (the safe class
     * when unsure), no resources, {@link Freshness#NEVER}, not long-running.
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link ToolSpec}; title, description and input schema are required. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private ObjectNode inputSchema;
        private ObjectNode outputSchema;
        private Access access = Access.WRITE;
        private Set<String> resourceKinds = Set.of();
        private Function<JsonNode, List<ResourceRef>> resources = arguments -> List.of();
        private Freshness freshness = Freshness.NEVER;
        private boolean longRunning;

        private Builder(String name) {
            this.name = name;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder inputSchema(ObjectNode inputSchema) {
            this.inputSchema = inputSchema;
            return this;
        }

        public Builder outputSchema(ObjectNode outputSchema) {
            this.outputSchema = outputSchema;
            return this;
        }

        public Builder access(Access access) {
            this.access = access;
            return this;
        }

        /** The resources a call touches, and the kinds of {@link ResourceKind} they may be. */
        public Builder resources(Function<JsonNode, List<ResourceRef>> resources, String... kinds) {
            this.resources = resources;
            this.resourceKinds = Set.of(kinds);
            return this;
        }

        public Builder freshness(Freshness freshness) {
            this.freshness = freshness;
            return this;
        }

        /** Whether a call may outlast one request ({@link ToolSpec#longRunning}); default false. */
        public Builder longRunning(boolean longRunning) {
            this.longRunning = longRunning;
            return this;
        }

        public ToolSpec build() {
            return new ToolSpec(name, title, description, inputSchema, outputSchema, access, resourceKinds, resources, freshness,
                    longRunning);
        }
    }
}
