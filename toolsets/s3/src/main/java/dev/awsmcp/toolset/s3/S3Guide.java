package dev.awsmcp.toolset.s3;

import dev.awsmcp.toolset.api.ResourceTemplateSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ValueSource;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.Map;

/** What the S3 toolset tells the model besides its tools: usage notes, and objects as resources. */
final class S3Guide {

    private S3Guide() {
    }

    static String usageNotes(ToolsetConfig config) {
        return """
                # S3 (toolset %1$s, region %2$s)

                - Find objects with `%3$s` and a `prefix` (and `delimiter: "/"` to walk "folders"); follow `next_cursor`.
                - Read text objects with `%4$s`; large objects come in byte ranges (`range_start`), binary ones as a
                  description only. `%5$s` gives size, type and metadata without the body.
                - Objects are also resources: `%1$s://{bucket}/{key}` (percent-encode `/` inside the key).
                - Results are bounded by the gateway (bytes and rows); a cut result says what was left out.
                """.formatted(config.id(), config.region().id(), config.exposedName("list_objects"), config.exposedName("get_object"),
                config.exposedName("head_object"));
    }

    static List<ResourceTemplateSpec> resourceTemplates() {
        ValueSource buckets = new ValueSource("list_buckets", (prefix, chosen) -> Json.object(), ValueSource.field("buckets", "name"));
        ValueSource keys = new ValueSource("list_objects", (prefix, chosen) -> {
            var arguments = Json.object().put(Arguments.BUCKET, chosen.getOrDefault(Arguments.BUCKET, ""));
            return prefix.isEmpty() ? arguments : arguments.put("prefix", prefix);
        }, ValueSource.field("objects", "key"));
        return List.of(new ResourceTemplateSpec("{bucket}/{key}", "object", "S3 object",
                "The text of one S3 object (as get_object reads it: bounded, guarded).", "get_object",
                values -> Json.object().put(Arguments.BUCKET, values.get("bucket")).put(Arguments.KEY, values.get("key")),
                Map.of("bucket", buckets, "key", keys)));
    }
}
