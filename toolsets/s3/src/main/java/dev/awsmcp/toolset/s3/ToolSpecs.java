package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.Freshness;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the specs of S3 tools: schema from {@code schemas/<name>.json}, resources from the
 * {@code bucket}, {@code key} and {@code prefix} arguments (named without calling AWS).
 */
final class ToolSpecs {

    private ToolSpecs() {
    }

    static ToolSpec spec(String name, String title, String description, Access access,
            Function<JsonNode, List<ResourceRef>> resources) {
        return ToolSpec.builder(name).title(title).description(description)
                .inputSchema(Json.readResource(ToolSpecs.class, "schemas/" + name + ".json"))
                .access(access)
                .resources(resources, S3Resources.BUCKET, S3Resources.OBJECT, S3Resources.OBJECT_PREFIX)
                .freshness(name.equals("list_buckets") || name.equals("get_bucket_policy") ? Freshness.METADATA : Freshness.DATA)
                .build();
    }

    /** The bucket as a whole, e.g. its policy. */
    static List<ResourceRef> bucket(JsonNode arguments) {
        String bucket = text(arguments, Arguments.BUCKET);
        return bucket == null ? List.of() : List.of(new ResourceRef(S3Resources.BUCKET, bucket));
    }

    /** One object, as {@code bucket/key}. */
    static List<ResourceRef> object(JsonNode arguments) {
        String bucket = text(arguments, Arguments.BUCKET);
        String key = text(arguments, Arguments.KEY);
        return bucket == null || key == null ? List.of() : List.of(new ResourceRef(S3Resources.OBJECT, bucket + "/" + key));
    }

    /**
     * A listing: the bucket, and the keys under the prefix as {@code bucket/prefix}; without a prefix
     * that is {@code bucket/}, every key of the bucket.
     */
    static List<ResourceRef> listing(JsonNode arguments) {
        String bucket = text(arguments, Arguments.BUCKET);
        if (bucket == null) {
            return List.of();
        }
        String prefix = text(arguments, "prefix");
        return List.of(new ResourceRef(S3Resources.BUCKET, bucket),
                new ResourceRef(S3Resources.OBJECT_PREFIX, bucket + "/" + (prefix == null ? "" : prefix)));
    }

    private static String text(JsonNode arguments, String name) {
        JsonNode value = arguments.get(name);
        // The schema requires bucket and key, so the gateway never gets here without them; name nothing rather than throw.
        // An empty or blank value is named too: the gateway refuses what it cannot canonicalize.
        return value == null || !value.isTextual() ? null : value.textValue();
    }
}
