package dev.awsmcp.toolset.s3;

import static dev.awsmcp.toolset.s3.S3Fixture.args;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class GetObjectToolTest {

    private static final String BUCKET = "reads";
    private static final byte[] ONE_MEGABYTE = megabyteOfMixedText();
    private static final byte[] GZIP = gzipLike();
    private static S3Fixture s3;

    @BeforeAll
    static void seed(LocalAws aws) {
        s3 = new S3Fixture(aws);
        s3.createBucket(BUCKET);
        s3.put(BUCKET, "notes/hello.md", "# Hello\nWorld \"quoted\"\n".getBytes(UTF_8), "text/markdown");
        s3.put(BUCKET, "big/mixed.txt", ONE_MEGABYTE, "text/plain; charset=utf-8");
        s3.put(BUCKET, "bin/app.tar.gz", GZIP, "application/gzip");
        s3.put(BUCKET, "bin/unknown.dat", new byte[] {'a', 'b', 0, 1, 2, 3, (byte) 0xff}, "binary/octet-stream");
        s3.put(BUCKET, "logs/untyped.log", "level=INFO msg=ok\n".getBytes(UTF_8), "binary/octet-stream");
        s3.put(BUCKET, "empty.txt", new byte[0], "text/plain");
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void readsASmallTextObjectWhole() {
        JsonNode result = s3.success("get_object", args("{'bucket':'reads','key':'notes/hello.md'}"));

        assertThat(result.get("content_kind").asText()).isEqualTo("text");
        assertThat(result.get("text").asText()).isEqualTo("# Hello\nWorld \"quoted\"\n");
        assertThat(result.get("total_size").asLong()).isEqualTo(23);
        assertThat(result.get("range_start").asLong()).isZero();
        assertThat(result.get("bytes_returned").asInt()).isEqualTo(23);
        assertThat(result.get("truncated").asBoolean()).isFalse();
        assertThat(result.has("next_range_start")).isFalse();
        assertThat(result.get("content_type").asText()).isEqualTo("text/markdown");
        assertThat(result.get("etag").asText()).doesNotContain("\"").isNotEmpty();
    }

    @Test
    void readsAOneMegabyteObjectInPiecesWithinTheByteBudget() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        long start = 0;
        int calls = 0;
        while (true) {
            JsonNode piece = s3.success("get_object", args("{'bucket':'reads','key':'big/mixed.txt','range_start':" + start + "}"));
            calls++;
            assertThat(piece.get("range_start").asLong()).isEqualTo(start);
            assertThat(piece.toString().getBytes(UTF_8).length).isLessThanOrEqualTo(ResultLimits.DEFAULT.maxResultBytes());
            byte[] text = piece.get("text").asText().getBytes(UTF_8);
            assertThat(text.length).isEqualTo(piece.get("bytes_returned").asInt());
            all.writeBytes(text);
            assertThat(piece.get("total_size").asLong()).isEqualTo(ONE_MEGABYTE.length);
            if (!piece.get("truncated").asBoolean()) {
                break;
            }
            start = piece.get("next_range_start").asLong();
            assertThat(start).isEqualTo(all.size());
        }
        assertThat(all.toByteArray()).isEqualTo(ONE_MEGABYTE);
        assertThat(calls).isBetween(17, 25);
    }

    @Test
    void neverSplitsAMultiByteCharacterAtTheCut() {
        // "€" is E2 82 AC; a 17-byte range ending inside it stops before it.
        s3.put(BUCKET, "euro.txt", "0123456789abcdef€uro".getBytes(UTF_8), "text/plain");

        JsonNode first = s3.success("get_object", args("{'bucket':'reads','key':'euro.txt','range_length':17}"));

        assertThat(first.get("text").asText()).isEqualTo("0123456789abcdef");
        assertThat(first.get("next_range_start").asLong()).isEqualTo(16);
        JsonNode rest = s3.success("get_object", args("{'bucket':'reads','key':'euro.txt','range_start':16}"));
        assertThat(rest.get("text").asText()).isEqualTo("€uro");
        assertThat(rest.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void aRangeStartingInsideACharacterSkipsToTheNextWholeCharacter() {
        s3.put(BUCKET, "emoji.txt", "ab😀cd".getBytes(UTF_8), "text/plain");

        JsonNode result = s3.success("get_object", args("{'bucket':'reads','key':'emoji.txt','range_start':3}"));

        assertThat(result.get("range_start").asLong()).isEqualTo(6);
        assertThat(result.get("text").asText()).isEqualTo("cd");
    }

    @Test
    void escapesCountAgainstTheBudgetSoAnEscapeHeavyObjectStillFits() {
        byte[] quotes = "\"\\\n".repeat(40_000).getBytes(UTF_8);
        s3.put(BUCKET, "quotes.txt", quotes, "text/plain");

        JsonNode result = s3.success("get_object", args("{'bucket':'reads','key':'quotes.txt'}"));

        assertThat(result.toString().getBytes(UTF_8).length).isLessThanOrEqualTo(ResultLimits.DEFAULT.maxResultBytes());
        assertThat(result.get("truncated").asBoolean()).isTrue();
        assertThat(result.get("next_range_start").asLong()).isEqualTo(result.get("bytes_returned").asLong());
    }

    @Test
    void rangeLengthIsCappedByTheCallersByteBudget() {
        ResultLimits small = new ResultLimits(10, 100, 4096);

        JsonNode result = s3.success("get_object", args("{'bucket':'reads','key':'big/mixed.txt','range_length':1000000}"), small);

        // Quotes, tabs and newlines cost two bytes in JSON, so fewer bytes than the budget fit.
        assertThat(result.get("bytes_returned").asInt()).isBetween(GetObjectTool.contentBudget(small) * 3 / 4, GetObjectTool.contentBudget(small));
        assertThat(result.toString().getBytes(UTF_8).length).isLessThanOrEqualTo(small.maxResultBytes());
        assertThat(result.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void binaryByContentTypeReturnsMetadataOnly() {
        JsonNode result = s3.success("get_object", args("{'bucket':'reads','key':'bin/app.tar.gz'}"));

        assertThat(result.get("content_kind").asText()).isEqualTo("binary");
        assertThat(result.get("binary_reason").asText()).isEqualTo("content type application/gzip");
        assertThat(result.get("total_size").asLong()).isEqualTo(GZIP.length);
        assertThat(result.has("text")).isFalse();
        assertThat(result.has("preview")).isFalse();
    }

    @Test
    void binaryBySniffingNulBytesUnderAnUnknownContentType() {
        JsonNode result = s3.success("get_object", args("{'bucket':'reads','key':'bin/unknown.dat'}"));

        assertThat(result.get("content_kind").asText()).isEqualTo("binary");
        assertThat(result.get("binary_reason").asText()).isEqualTo("NUL byte at offset 2 of the range");
    }

    @Test
    void untypedObjectsThatSniffAsUtf8AreText() {
        JsonNode result = s3.success("get_object", args("{'bucket':'reads','key':'logs/untyped.log'}"));

        assertThat(result.get("content_kind").asText()).isEqualTo("text");
        assertThat(result.get("text").asText()).isEqualTo("level=INFO msg=ok\n");
    }

    @Test
    void previewReturnsAtMost256BytesAsHexOrBase64() {
        JsonNode hex = s3.success("get_object", args("{'bucket':'reads','key':'bin/app.tar.gz','preview':'hex'}"));
        JsonNode base64 = s3.success("get_object", args("{'bucket':'reads','key':'bin/app.tar.gz','preview':'base64','range_start':256}"));

        assertThat(hex.get("preview_bytes").asInt()).isEqualTo(256);
        assertThat(HexFormat.of().parseHex(hex.get("preview").asText())).isEqualTo(Arrays.copyOf(GZIP, 256));
        assertThat(hex.get("preview").asText()).startsWith("1f8b");
        assertThat(hex.get("next_range_start").asLong()).isEqualTo(256);
        assertThat(Base64.getDecoder().decode(base64.get("preview").asText()))
                .isEqualTo(Arrays.copyOfRange(GZIP, 256, GZIP.length));
        assertThat(base64.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void anEmptyObjectIsEmptyTextNotAnError() {
        // S3 (and moto) answer 416 to any range of a zero-byte object.
        JsonNode result = s3.success("get_object", args("{'bucket':'reads','key':'empty.txt'}"));

        assertThat(result.get("text").asText()).isEmpty();
        assertThat(result.get("total_size").asLong()).isZero();
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void aRangeStartPastTheEndIsAnInvalidArgument() {
        var failure = s3.failure("get_object", args("{'bucket':'reads','key':'notes/hello.md','range_start':23}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).isEqualTo(
                "range_start 23 is at or past the end of s3://reads/notes/hello.md; call s3__head_object for its content_length");
    }

    @Test
    void aMissingKeyPointsAtListObjects() {
        var failure = s3.failure("get_object", args("{'bucket':'reads','key':'nope.md'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("object s3://reads/nope.md not found; list keys with s3__list_objects");
    }

    @Test
    void aMissingBucketPointsAtListBuckets() {
        var failure = s3.failure("get_object", args("{'bucket':'no-such-bucket','key':'a'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("bucket no-such-bucket not found; call s3__list_buckets to see the buckets");
    }

    @Test
    void anUnknownPreviewEncodingIsRefusedBeforeAws() {
        var failure = s3.failure("get_object", args("{'bucket':'reads','key':'notes/hello.md','preview':'octal'}"));

        assertThat(failure).isEqualTo(new dev.awsmcp.toolset.api.ToolResult.Failure(Kind.INVALID_ARGUMENT,
                "preview must be \"hex\" or \"base64\", got \"octal\""));
    }

    /** 1 MiB of lines mixing ASCII, 2-, 3- and 4-byte characters, so cuts land inside characters. */
    private static byte[] megabyteOfMixedText() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        String[] words = {"payment", "Zoë", "€", "日本語", "😀", "\"quoted\"", "tab\there", "naïve"};
        while (text.length() < 1_000_000) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(10) == 0 ? '\n' : ' ');
        }
        return text.toString().getBytes(UTF_8);
    }

    private static byte[] gzipLike() {
        byte[] bytes = new byte[423];
        new Random(3).nextBytes(bytes);
        bytes[0] = 0x1f;
        bytes[1] = (byte) 0x8b;
        return bytes;
    }
}
