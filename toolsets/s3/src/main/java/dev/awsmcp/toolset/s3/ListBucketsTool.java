package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.Json;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * {@code list_buckets}: the buckets the caller may see, at most 200. Buckets outside the caller's
 * policy are left out as if they did not exist. Pages through ListBuckets (AWS rejects unpaginated
 * listings for accounts above 10,000 buckets) up to a page budget.
 */
final class ListBucketsTool implements Tool<Arguments> {

    static final int MAX_BUCKETS = 200;
    static final int AWS_PAGE = 1000;
    static final int MAX_PAGES = 10;

    private final DeferredClient<S3AsyncClient> s3;
    private final ToolSpec spec;

    ListBucketsTool(DeferredClient<S3AsyncClient> s3) {
        this.s3 = s3;
        this.spec = ToolSpecs.spec("list_buckets", "List S3 buckets",
                "Use to find a bucket's name. Returns the buckets you may see (up to 200; narrow with prefix) with creation "
                        + "time and region.",
                Access.READ, arguments -> List.of());
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        Integer requested = arguments.optionalInt("limit");
        int limit = requested == null || requested <= 0 ? MAX_BUCKETS : Math.min(requested, MAX_BUCKETS);
        String prefix = arguments.optionalNonEmptyText("prefix");
        return page(Json.mapper().createArrayNode(), limit, prefix, null, 1, context).thenApply(ToolResult::success);
    }

    private CompletableFuture<ObjectNode> page(ArrayNode buckets, int limit, String prefix, String token, int pages,
            CallContext context) {
        return s3.call(sdk -> sdk.listBuckets(b -> b.maxBuckets(AWS_PAGE).prefix(prefix).continuationToken(token)
                        .overrideConfiguration(context.awsOverrides())))
                .thenCompose(response -> {
                    for (Bucket bucket : response.buckets()) {
                        if (!context.visible(new ResourceRef(S3Resources.BUCKET, bucket.name()))) {
                            continue;
                        }
                        if (buckets.size() == limit) {
                            return CompletableFuture.completedFuture(result(buckets, true));
                        }
                        buckets.add(entry(bucket));
                    }
                    String next = response.continuationToken();
                    if (next == null || next.isEmpty()) {
                        return CompletableFuture.completedFuture(result(buckets, false));
                    }
                    if (pages >= MAX_PAGES) {
                        return CompletableFuture.completedFuture(result(buckets, true));
                    }
                    return page(buckets, limit, prefix, next, pages + 1, context);
                });
    }

    private static ObjectNode entry(Bucket bucket) {
        ObjectNode entry = Json.object().put("name", bucket.name());
        ObjectDescriptions.putIfPresent(entry, "created", ObjectDescriptions.time(bucket.creationDate()));
        ObjectDescriptions.putIfPresent(entry, "region", bucket.bucketRegion());
        return entry;
    }

    private static ObjectNode result(ArrayNode buckets, boolean truncated) {
        ObjectNode result = Json.object();
        result.set("buckets", buckets);
        result.put("count", buckets.size());
        result.put("truncated", truncated);
        return result;
    }
}
