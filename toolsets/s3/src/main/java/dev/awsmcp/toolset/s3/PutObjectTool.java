package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** {@code put_object} (WRITE): writes a UTF-8 text object, optionally only when the key is free or unchanged. */
final class PutObjectTool implements Tool<Arguments> {

    static final int MAX_BODY_BYTES = 256 * 1024;
    static final String DEFAULT_CONTENT_TYPE = "text/plain; charset=utf-8";

    private final DeferredClient<S3AsyncClient> s3;
    private final ToolSpec spec;

    PutObjectTool(DeferredClient<S3AsyncClient> s3) {
        this.s3 = s3;
        this.spec = ToolSpecs.spec("put_object", "Write an S3 object (write)",
                "Write a UTF-8 text object of at most 256 KiB, replacing any object with that key. if_none_match=\"*\" "
                        + "writes only if the key is free; if_match=<etag> only if the object is unchanged.",
                Access.WRITE, ToolSpecs::object);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String bucket = arguments.bucket();
        String key = arguments.key();
        String text = arguments.optionalText("body");
        if (text == null) {
            throw new ToolArgumentException("body is required (use \"\" for an empty object)");
        }
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_BODY_BYTES) {
            throw new ToolArgumentException("body is " + body.length + " bytes in UTF-8; at most " + MAX_BODY_BYTES + " are allowed");
        }
        String ifNoneMatch = arguments.optionalNonEmptyText("if_none_match");
        if (ifNoneMatch != null && !ifNoneMatch.equals("*")) {
            throw new ToolArgumentException("if_none_match must be \"*\" (write only if no object has this key)");
        }
        String ifMatch = arguments.optionalNonEmptyText("if_match");
        String contentType = arguments.optionalNonEmptyText("content_type");
        return s3.call(sdk -> sdk.putObject(b -> b.bucket(bucket).key(key)
                                .contentType(contentType == null ? DEFAULT_CONTENT_TYPE : contentType)
                                .contentLength((long) body.length)
                                .metadata(metadata(arguments.optional("metadata")))
                                .ifNoneMatch(ifNoneMatch)
                                .ifMatch(ifMatch == null || ifMatch.startsWith("\"") ? ifMatch : "\"" + ifMatch + "\"")
                                .overrideConfiguration(context.awsOverrides()),
                        AsyncRequestBody.fromBytes(body)))
                .thenApply(response -> {
                    ObjectNode result = ObjectDescriptions.location(bucket, key);
                    result.put("written", true);
                    result.put("size", body.length);
                    ObjectDescriptions.putIfPresent(result, "etag", ObjectDescriptions.etag(response.eTag()));
                    ObjectDescriptions.putIfPresent(result, "version_id", response.versionId());
                    return ToolResult.success(result);
                });
    }

    private static Map<String, String> metadata(JsonNode metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        metadata.properties().forEach(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }
}
