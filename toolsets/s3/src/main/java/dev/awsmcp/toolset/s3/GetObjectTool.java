package dev.awsmcp.toolset.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.DeferredClient;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.support.AwsError;
import dev.awsmcp.toolset.support.AwsFailures;
import dev.awsmcp.toolset.support.AwsToolset.Tool;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code get_object}: one bounded byte range of an object, as UTF-8 text when it is text. Every read
 * is a ranged GET of at most the byte budget, so a 5 GB object costs what one page of it costs.
 * Binary objects return metadata, and a short hex or base64 preview only when asked.
 */
final class GetObjectTool implements Tool<Arguments> {

    static final int PREVIEW_BYTES = 256;
    /** The smallest range that always holds a whole UTF-8 character. */
    static final int MIN_RANGE = 16;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final DeferredClient<S3AsyncClient> s3;
    private final ToolSpec spec;

    GetObjectTool(DeferredClient<S3AsyncClient> s3, ToolsetConfig config) {
        this.s3 = s3;
        this.spec = ToolSpecs.spec("get_object", "Read an S3 object",
                "Use to read a text object by byte range (metadata alone: " + config.exposedName("head_object") + "). Returns "
                        + "UTF-8 text and next_range_start when cut; a binary object returns metadata, or its first 256 bytes with preview.",
                Access.READ, ToolSpecs::object);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    /** Bytes of content one result may carry: the result budget less room for the metadata around it. */
    static int contentBudget(ResultLimits limits) {
        return limits.maxResultBytes() - Math.min(1024, limits.maxResultBytes() / 4);
    }

    @Override
    public CompletableFuture<ToolResult> call(Arguments arguments, CallContext context) {
        ObjectRead read = new ObjectRead(arguments.bucket(), arguments.key(), arguments.optionalLong("range_start", 0),
                preview(arguments.optionalNonEmptyText("preview")), contentBudget(context.limits()));
        if (read.start() < 0) {
            throw new ToolArgumentException("range_start must be 0 or more, got " + read.start());
        }
        Integer requested = arguments.optionalInt("range_length");
        int length = read.preview() != null ? PREVIEW_BYTES
                : Math.max(MIN_RANGE, requested == null ? read.budget() : Math.min(requested, read.budget()));
        String versionId = arguments.optionalNonEmptyText("version_id");
        return s3.call(sdk -> sdk.getObject(b -> b.bucket(read.bucket()).key(read.key()).versionId(versionId)
                                .range("bytes=" + read.start() + "-" + (read.start() + length - 1))
                                .overrideConfiguration(context.awsOverrides()),
                        new BoundedBodyTransformer(length)))
                .thenApply(body -> ToolResult.success(result(read, body)))
                .exceptionallyCompose(failure -> read.start() == 0 && isInvalidRange(failure)
                        // S3 answers 416 to any range of an empty object; HEAD tells its metadata.
                        ? emptyObject(read, versionId, context)
                        : CompletableFuture.failedFuture(failure));
    }

    private CompletableFuture<ToolResult> emptyObject(ObjectRead read, String versionId, CallContext context) {
        return s3.call(sdk -> sdk.headObject(b -> b.bucket(read.bucket()).key(read.key()).versionId(versionId)
                        .overrideConfiguration(context.awsOverrides())))
                .thenApply(head -> {
                    GetObjectResponse headers = GetObjectResponse.builder().contentType(head.contentType())
                            .contentEncoding(head.contentEncoding()).contentLength(head.contentLength())
                            .eTag(head.eTag()).lastModified(head.lastModified()).versionId(head.versionId()).build();
                    return ToolResult.success(result(read, new BoundedBodyTransformer.Body(headers, new byte[0], false)));
                });
    }

    private static ObjectNode result(ObjectRead read, BoundedBodyTransformer.Body body) {
        GetObjectResponse headers = body.response();
        Served served = Served.of(read.start(), body);
        long start = served.start();
        long total = served.total();
        ObjectNode result = ObjectDescriptions.location(read.bucket(), read.key());
        ObjectDescriptions.putIfPresent(result, "content_type", headers.contentType());
        result.put("total_size", total);
        ObjectDescriptions.putIfPresent(result, "last_modified", ObjectDescriptions.time(headers.lastModified()));
        ObjectDescriptions.putIfPresent(result, "etag", ObjectDescriptions.etag(headers.eTag()));
        ObjectDescriptions.putIfPresent(result, "version_id", headers.versionId());
        byte[] bytes = body.bytes();
        if (read.preview() != null) {
            return preview(result, read.preview(), bytes, start, total);
        }
        TextContent.Verdict verdict = TextContent.classify(headers.contentType(), headers.contentEncoding(), bytes,
                start > 0 ? TextContent.leadingContinuationBytes(bytes) : 0);
        if (!verdict.text()) {
            result.put("content_kind", "binary");
            result.put("binary_reason", verdict.reason());
            result.put("preview_options", "hex|base64");
            return result;
        }
        return text(result, read.budget(), bytes, start, total);
    }

    private static ObjectNode text(ObjectNode result, int budget, byte[] bytes, long start, long total) {
        int from = start > 0 ? TextContent.leadingContinuationBytes(bytes) : 0;
        int end = TextContent.fitJson(bytes, from, bytes.length, budget);
        boolean more = end < bytes.length || total < 0 || start + bytes.length < total;
        if (more) {
            end = TextContent.characterBoundary(bytes, from, end);
        }
        result.put("content_kind", "text");
        result.put("range_start", start + from);
        result.put("bytes_returned", end - from);
        result.put("text", TextContent.decode(bytes, from, end));
        result.put("truncated", more);
        if (more) {
            result.put("next_range_start", start + end);
        }
        return result;
    }

    private static ObjectNode preview(ObjectNode result, String encoding, byte[] bytes, long start, long total) {
        int length = Math.min(PREVIEW_BYTES, bytes.length);
        byte[] head = Arrays.copyOf(bytes, length);
        result.put("range_start", start);
        result.put("preview_encoding", encoding);
        result.put("preview_bytes", length);
        result.put("preview", encoding.equals("hex") ? HexFormat.of().formatHex(head) : Base64.getEncoder().encodeToString(head));
        boolean more = total < 0 || start + length < total;
        result.put("truncated", more);
        if (more) {
            result.put("next_range_start", start + length);
        }
        return result;
    }

    private static String preview(String value) {
        if (value == null || value.equals("hex") || value.equals("base64")) {
            return value;
        }
        throw new ToolArgumentException("preview must be \"hex\" or \"base64\", got \"" + value + "\"");
    }

    private static boolean isInvalidRange(Throwable failure) {
        Throwable cause = AwsFailures.unwrap(failure);
        return cause instanceof S3Exception && (((S3Exception) cause).statusCode() == 416
                || "InvalidRange".equals(AwsError.of((S3Exception) cause).code()));
    }

    /** Where the bytes the store sent begin, and the object's size (-1 when unknown). */
    private record Served(long start, long total) {

        static Served of(long requestedStart, BoundedBodyTransformer.Body body) {
            GetObjectResponse headers = body.response();
            Matcher range = headers.contentRange() == null ? null : CONTENT_RANGE.matcher(headers.contentRange());
            if (range != null && range.matches()) {
                return new Served(Long.parseLong(range.group(1)), range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3)));
            }
            if (requestedStart == 0 && !body.cut() && body.bytes().length == 0) {
                return new Served(0, 0);
            }
            if (requestedStart == 0) {
                // The store ignored Range and sent the whole object from byte 0 (cut at our bound).
                return new Served(0, headers.contentLength() == null ? -1 : headers.contentLength());
            }
            throw S3Exception.builder().statusCode(200)
                    .message("the store ignored the Range header; ranged reads from range_start > 0 are not possible").build();
        }
    }

    /** One read's fixed inputs. */
    private record ObjectRead(String bucket, String key, long start, String preview, int budget) {
    }
}
