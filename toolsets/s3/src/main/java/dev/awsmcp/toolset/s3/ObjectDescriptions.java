package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.support.Json;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Object metadata as JSON, the same field names for every tool. Absent values are left out. */
final class ObjectDescriptions {

    private ObjectDescriptions() {
    }

    /** Everything {@code head_object} returns. */
    static ObjectNode head(String bucket, String key, HeadObjectResponse head) {
        ObjectNode result = location(bucket, key);
        putIfPresent(result, "content_type", head.contentType());
        if (head.contentLength() != null) {
            result.put("content_length", head.contentLength());
        }
        putIfPresent(result, "content_encoding", head.contentEncoding());
        putIfPresent(result, "last_modified", time(head.lastModified()));
        putIfPresent(result, "etag", etag(head.eTag()));
        putIfPresent(result, "version_id", head.versionId());
        putIfPresent(result, "storage_class", head.storageClassAsString());
        putIfPresent(result, "server_side_encryption", head.serverSideEncryptionAsString());
        putIfPresent(result, "cache_control", head.cacheControl());
        if (head.hasMetadata() && !head.metadata().isEmpty()) {
            ObjectNode metadata = result.putObject("metadata");
            head.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> metadata.put(entry.getKey(), entry.getValue()));
        }
        return result;
    }

    static ObjectNode location(String bucket, String key) {
        ObjectNode result = Json.object();
        result.put("bucket", bucket);
        result.put("key", key);
        return result;
    }

    /** S3 quotes ETags; the quotes carry no information for the model. */
    static String etag(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
