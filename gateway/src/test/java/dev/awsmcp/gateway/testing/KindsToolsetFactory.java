package dev.awsmcp.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.api.ResourceKind;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.dynamodb.DynamoDbResources;
import dev.awsmcp.toolset.lambda.LambdaResources;
import dev.awsmcp.toolset.logs.LogsResources;
import dev.awsmcp.toolset.s3.S3Resources;
import dev.awsmcp.toolset.api.ToolCall;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A hand-written toolset (type {@code test-kinds}) whose tools name every resource kind from their
 * arguments, for policy tests: {@code table}, {@code bucket}, {@code object}, {@code object-prefix},
 * {@code log-group} and {@code function} (with {@code qualifier}). Calls echo the resources and, for
 * {@code list}, return the names of {@code candidates} the caller may see.
 */
public final class KindsToolsetFactory implements ToolsetFactory {

    @Override
    public String type() {
        return "test-kinds";
    }

    @Override
    public Toolset create(ToolsetConfig config, ToolsetContext context) {
        return new KindsToolset();
    }

    private static ObjectNode schema() {
        try {
            return (ObjectNode) Json.mapper().readTree("{\"type\":\"object\",\"properties\":{"
                    + "\"table\":{\"type\":\"string\"},\"bucket\":{\"type\":\"string\"},\"key\":{\"type\":\"string\"},"
                    + "\"prefix\":{\"type\":\"string\"},\"group\":{\"type\":\"string\"},\"function\":{\"type\":\"string\"},"
                    + "\"qualifier\":{\"type\":\"string\"},\"tables\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                    + "\"candidates\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"additionalProperties\":false}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ToolSpec tool(String name, Access access, Function<JsonNode, List<ResourceRef>> resources) {
        return ToolSpec.builder(name).title(name).description("test tool " + name).inputSchema(schema()).access(access)
                .resources(resources, KINDS.stream().map(ResourceKind::name).toArray(String[]::new)).build();
    }

    /** Every kind of the AWS toolsets, as they declare them. */
    private static final List<ResourceKind> KINDS = java.util.stream.Stream.of(List.of(DynamoDbResources.TABLE_KIND,
            LogsResources.LOG_GROUP_KIND, LambdaResources.FUNCTION_KIND), S3Resources.KINDS).flatMap(List::stream).toList();

    static final class KindsToolset implements Toolset {

        @Override
        public List<ResourceKind> resourceKinds() {
            return KINDS;
        }
        @Override
        public List<ToolSpec> tools() {
            return List.of(
                    tool("get_table", Access.READ, a -> List.of(new ResourceRef(DynamoDbResources.TABLE, a.path("table").asText()))),
                    tool("partiql", Access.READ, a -> {
                        List<ResourceRef> refs = new ArrayList<>();
                        a.path("tables").forEach(t -> refs.add(new ResourceRef(DynamoDbResources.TABLE, t.asText())));
                        return refs;
                    }),
                    tool("put_table", Access.WRITE, a -> List.of(new ResourceRef(DynamoDbResources.TABLE, a.path("table").asText()))),
                    tool("bucket_policy", Access.READ, a -> List.of(new ResourceRef(S3Resources.BUCKET, a.path("bucket").asText()))),
                    tool("get_object", Access.READ, a -> List.of(new ResourceRef(S3Resources.OBJECT,
                            a.path("bucket").asText() + "/" + a.path("key").asText()))),
                    tool("list_objects", Access.READ, a -> List.of(new ResourceRef(S3Resources.OBJECT_PREFIX,
                            a.path("bucket").asText() + "/" + a.path("prefix").asText("")))),
                    tool("filter_logs", Access.READ, a -> List.of(new ResourceRef(LogsResources.LOG_GROUP, a.path("group").asText()))),
                    tool("invoke", Access.INVOKE, a -> List.of(new ResourceRef(LambdaResources.FUNCTION,
                            a.path("function").asText() + (a.hasNonNull("qualifier") ? ":" + a.get("qualifier").asText() : "")))),
                    tool("list", Access.READ, a -> List.of()),
                    // A toolset bug: declares tables only, names a log group.
                    ToolSpec.builder("mislabeled").title("mislabeled").description("test tool mislabeled").inputSchema(schema())
                            .access(Access.READ).resources(a -> List.of(new ResourceRef(LogsResources.LOG_GROUP, a.path("group").asText())),
                                    DynamoDbResources.TABLE).build());
        }

        @Override
        public CompletionStage<ToolResult> call(ToolCall call, CallContext context) {
            ObjectNode out = Json.object();
            out.put("tool", call.tool());
            out.set("arguments", call.arguments());
            if (call.tool().equals("list")) {
                var visible = out.putArray("visible");
                call.arguments().path("candidates").forEach(c -> {
                    if (context.visible(new ResourceRef(DynamoDbResources.TABLE, c.asText()))) {
                        visible.add(c.asText());
                    }
                });
            }
            return CompletableFuture.completedFuture(ToolResult.success(out));
        }

        @Override
        public CompletionStage<Health> check(CallContext context) {
            return CompletableFuture.completedFuture(Health.up());
        }

        @Override
        public void close() {
        }
    }
}
