package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import dev.awsmcp.toolset.support.PageCursor;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code list_objects}: keys and common prefixes under a prefix, in S3's order, bounded by the row
 * limit and the byte budget. The cursor holds S3's continuation token when a page was used up, or the
 * last returned name (for StartAfter) when the result stopped inside a page, so nothing is skipped or
 * repeated between calls.
 */
final class ListObjectsTool implements Tool<Arguments> {

    static final int AWS_PAGE = 1000;
    static final int MAX_PAGES = 5;
    /** Rough JSON size of an object entry without its key; a prefix entry costs its length plus quotes. */
    private static final int OBJECT_ENTRY_BYTES = 130;
    private static final Duration DEADLINE_RESERVE = Duration.ofSeconds(2);
    /** Sorts after every key that continues a common prefix, so StartAfter skips the whole prefix. */
    private static final String AFTER_EVERYTHING = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final DeferredClient<S3AsyncClient> s3;
    private final ToolSpec spec;

    ListObjectsTool(DeferredClient<S3AsyncClient> s3) {
        this.s3 = s3;
        this.spec = ToolSpecs.spec("list_objects", "List S3 keys",
                "Use to find keys under a prefix; delimiter \"/\" rolls deeper keys up into common_prefixes. Returns keys with "
                        + "size, last_modified and etag.",
                Access.READ, ToolSpecs::listing);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        String bucket = arguments.bucket();
        String prefix = arguments.optionalNonEmptyText("prefix");
        String delimiter = arguments.optionalNonEmptyText("delimiter");
        String scope = Json.mapper().createArrayNode().add("list_objects").add(bucket)
                .add(prefix == null ? "" : prefix).add(delimiter == null ? "" : delimiter).toString();
        Position start = Position.decode(arguments.cursor(scope));
        Listing listing = new Listing(bucket, prefix, delimiter, scope,
                context.limits().rows(arguments.optionalInt("max_keys")), GetObjectTool.contentBudget(context.limits()));
        return page(listing, start, 1, context).thenApply(ToolResult::success);
    }

    private CompletableFuture<ObjectNode> page(Listing listing, Position position, int pages, CallContext context) {
        return s3.call(sdk -> sdk.listObjectsV2(b -> b.bucket(listing.bucket).prefix(listing.prefix).delimiter(listing.delimiter)
                        .maxKeys(Math.min(AWS_PAGE, listing.remaining()))
                        .continuationToken(position.token()).startAfter(position.after())
                        // Keys may hold characters XML 1.0 cannot carry; the SDK decodes url-encoded names.
                        .encodingType(EncodingType.URL)
                        .overrideConfiguration(context.awsOverrides())))
                .thenCompose(response -> {
                    Position stoppedAt = listing.add(response);
                    if (stoppedAt != null) {
                        return CompletableFuture.completedFuture(listing.result(stoppedAt));
                    }
                    String token = response.nextContinuationToken();
                    if (!Boolean.TRUE.equals(response.isTruncated()) || token == null) {
                        return CompletableFuture.completedFuture(listing.result(null));
                    }
                    Position next = new Position(token, null);
                    if (listing.full() || pages >= MAX_PAGES || context.remaining().compareTo(DEADLINE_RESERVE) < 0) {
                        return CompletableFuture.completedFuture(listing.result(next));
                    }
                    return page(listing, next, pages + 1, context);
                });
    }

    /** Where the next call starts: after S3's continuation token, or after a name. */
    record Position(String token, String after) {

        static final Position BEGINNING = new Position(null, null);

        static Position decode(JsonNode position) {
            if (position == null) {
                return BEGINNING;
            }
            JsonNode token = position.get("t");
            JsonNode after = position.get("a");
            if (position.isObject() && position.size() == 1 && (token != null && token.isTextual() || after != null && after.isTextual())) {
                return new Position(token == null ? null : token.textValue(), after == null ? null : after.textValue());
            }
            throw new ToolArgumentException("cursor is not valid; pass next_cursor exactly as returned by the previous call");
        }

        JsonNode encode() {
            return token != null ? Json.object().put("t", token) : Json.object().put("a", after);
        }
    }

    /** One entry of a page, key or common prefix, in S3's (UTF-8 byte) order. */
    private record Entry(String name, S3Object object) {
        byte[] sortKey() {
            return name.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** What the pages read so far add up to; confined to one call's future chain. */
    private static final class Listing {
        final String bucket;
        final String prefix;
        final String delimiter;
        final String scope;
        final int limit;
        final int byteBudget;
        final ArrayNode objects = Json.mapper().createArrayNode();
        final ArrayNode prefixes = Json.mapper().createArrayNode();
        int bytes;

        Listing(String bucket, String prefix, String delimiter, String scope, int limit, int byteBudget) {
            this.bucket = bucket;
            this.prefix = prefix;
            this.delimiter = delimiter;
            this.scope = scope;
            this.limit = limit;
            this.byteBudget = byteBudget;
        }

        int count() {
            return objects.size() + prefixes.size();
        }

        int remaining() {
            return Math.max(1, limit - count());
        }

        boolean full() {
            return count() >= limit || bytes >= byteBudget;
        }

        /** Adds a page's entries; returns where to resume when the limit or budget stopped it inside the page. */
        Position add(ListObjectsV2Response response) {
            List<Entry> entries = new ArrayList<>();
            response.contents().forEach(object -> entries.add(new Entry(object.key(), object)));
            response.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(name -> entries.add(new Entry(name, null)));
            entries.sort(Comparator.comparing(Entry::sortKey, Arrays::compareUnsigned));
            Entry last = null;
            for (Entry entry : entries) {
                if (full()) {
                    return new Position(null, last.object == null ? last.name + AFTER_EVERYTHING : last.name);
                }
                if (entry.object == null) {
                    prefixes.add(entry.name);
                    bytes += entry.name.length() + 4;
                } else {
                    objects.add(object(entry.object));
                    bytes += entry.name.length() + OBJECT_ENTRY_BYTES;
                }
                last = entry;
            }
            return null;
        }

        ObjectNode result(Position next) {
            ObjectNode result = Json.object();
            result.put("bucket", bucket);
            result.put("prefix", prefix == null ? "" : prefix);
            if (delimiter != null) {
                result.put("delimiter", delimiter);
            }
            result.set("objects", objects);
            if (delimiter != null) {
                result.set("common_prefixes", prefixes);
            }
            result.put("count", count());
            result.put("truncated", next != null);
            if (next != null) {
                result.put("next_cursor", PageCursor.encode(scope, next.encode()));
            }
            return result;
        }

        private static ObjectNode object(S3Object object) {
            ObjectNode entry = Json.object().put("key", object.key());
            if (object.size() != null) {
                entry.put("size", object.size());
            }
            ObjectDescriptions.putIfPresent(entry, "last_modified", ObjectDescriptions.time(object.lastModified()));
            ObjectDescriptions.putIfPresent(entry, "storage_class", object.storageClassAsString());
            ObjectDescriptions.putIfPresent(entry, "etag", ObjectDescriptions.etag(object.eTag()));
            return entry;
        }
    }
}
