package dev.awsmcp.toolset.s3;

import static dev.awsmcp.toolset.s3.S3Fixture.args;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.toolset.api.CallContext;
import dev.awsmcp.toolset.api.Health;
import dev.awsmcp.toolset.api.ResourceRef;
import dev.awsmcp.toolset.api.ResultLimits;
import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.support.PageCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.async.AsyncRequestBody;

@ExtendWith(LocalAwsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListToolsTest {

    private static S3Fixture s3;

    @BeforeAll
    static void start(LocalAws aws) {
        s3 = new S3Fixture(aws);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    @Order(1)
    void listBucketsOnAnEmptyAccountReturnsNone() {
        JsonNode result = s3.success("list_buckets", args("{}"));

        assertThat(result.get("buckets")).isEmpty();
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void listBucketsReturnsNamesAndCreationTimes() {
        for (String bucket : List.of("payments-runbooks", "payments-deploys", "inventory-reports", "keys", "empty-bucket")) {
            s3.createBucket(bucket);
        }

        JsonNode result = s3.success("list_buckets", args("{}"));

        assertThat(result.get("buckets")).extracting(b -> b.get("name").asText())
                .containsExactlyInAnyOrder("payments-runbooks", "payments-deploys", "inventory-reports", "keys", "empty-bucket");
        assertThat(result.at("/buckets/0/created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    @Order(3)
    void listBucketsShowsOnlyBucketsTheCallerMaySee() {
        CallContext base = s3.aws().callContext();
        CallContext payments = new CallContext(base.caller(), base.credentials(), base.deadline(), base.limits(),
                base.correlationId(), ref -> ref.kind().equals(S3Resources.BUCKET) && ref.name().startsWith("payments-"));

        ToolResult result = s3.call("list_buckets", args("{}"), payments);

        JsonNode data = ((ToolResult.Success) result).data();
        assertThat(data.get("buckets")).extracting(b -> b.get("name").asText())
                .containsExactlyInAnyOrder("payments-runbooks", "payments-deploys");
        assertThat(data.get("count").asInt()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void listBucketsNarrowsByPrefixAndLimit() {
        JsonNode byPrefix = s3.success("list_buckets", args("{'prefix':'payments-'}"));
        JsonNode limited = s3.success("list_buckets", args("{'limit':2}"));

        assertThat(byPrefix.get("buckets")).extracting(b -> b.get("name").asText())
                .containsExactlyInAnyOrder("payments-runbooks", "payments-deploys");
        assertThat(limited.get("count").asInt()).isEqualTo(2);
        assertThat(limited.get("truncated").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void listObjectsPagesThrough250KeysWithoutGapsOrRepeats() {
        putKeys(IntStream.range(0, 250).mapToObj(i -> String.format("logs/app-%03d.log", i)).toList());

        List<String> keys = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = s3.success("list_objects", args("{'bucket':'keys','prefix':'logs/'"
                    + (cursor == null ? "" : ",'cursor':'" + cursor + "'") + "}"));
            page.get("objects").forEach(o -> keys.add(o.get("key").asText()));
            cursor = page.path("next_cursor").asText(null);
            assertThat(page.get("truncated").asBoolean()).isEqualTo(cursor != null);
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(keys).hasSize(250).doesNotHaveDuplicates().isSorted();
    }

    @Test
    @Order(6)
    void listObjectsDescribesEachKey() {
        JsonNode result = s3.success("list_objects", args("{'bucket':'keys','prefix':'logs/app-000','max_keys':5}"));

        JsonNode object = result.at("/objects/0");
        assertThat(object.get("key").asText()).isEqualTo("logs/app-000.log");
        assertThat(object.get("size").asLong()).isEqualTo(8);
        assertThat(object.get("storage_class").asText()).isEqualTo("STANDARD");
        assertThat(object.get("etag").asText()).matches("[0-9a-f]{32}");
        assertThat(object.get("last_modified").asText()).endsWith("Z");
        assertThat(result.has("common_prefixes")).isFalse();
    }

    @Test
    @Order(7)
    void delimiterRollsDeeperKeysIntoCommonPrefixes() {
        putKeys(List.of("runbooks/a.md", "runbooks/b.md", "README.md", "deploys/2024/x.json", "deploys/2025/y.json"));

        JsonNode root = s3.success("list_objects", args("{'bucket':'keys','delimiter':'/'}"));
        JsonNode deploys = s3.success("list_objects", args("{'bucket':'keys','prefix':'deploys/','delimiter':'/'}"));

        assertThat(root.get("objects")).extracting(o -> o.get("key").asText()).containsExactly("README.md");
        assertThat(root.get("common_prefixes")).extracting(JsonNode::asText).containsExactly("deploys/", "logs/", "runbooks/");
        assertThat(root.get("count").asInt()).isEqualTo(4);
        assertThat(deploys.get("common_prefixes")).extracting(JsonNode::asText).containsExactly("deploys/2024/", "deploys/2025/");
    }

    @Test
    @Order(8)
    void cursorsWorkAcrossCommonPrefixesWithoutRepeatingThem() {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = s3.success("list_objects", args("{'bucket':'keys','delimiter':'/','max_keys':1"
                    + (cursor == null ? "" : ",'cursor':'" + cursor + "'") + "}"));
            page.get("objects").forEach(o -> names.add(o.get("key").asText()));
            page.get("common_prefixes").forEach(p -> names.add(p.asText()));
            cursor = page.path("next_cursor").asText(null);
        } while (cursor != null);

        assertThat(names).containsExactly("README.md", "deploys/", "logs/", "runbooks/");
    }

    @Test
    @Order(9)
    void theByteBudgetStopsInsideAPageAndTheCursorResumesAfterTheLastKey() {
        ResultLimits smallBudget = new ResultLimits(100, 1000, 4096);
        List<String> keys = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = s3.success("list_objects", args("{'bucket':'keys','prefix':'logs/','max_keys':1000"
                    + (cursor == null ? "" : ",'cursor':'" + cursor + "'") + "}"), smallBudget);
            assertThat(page.toString().getBytes(UTF_8).length).isLessThanOrEqualTo(4096);
            page.get("objects").forEach(o -> keys.add(o.get("key").asText()));
            cursor = page.path("next_cursor").asText(null);
            pages++;
        } while (cursor != null);

        assertThat(pages).isGreaterThan(5);
        assertThat(keys).hasSize(250).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void keysWithSpacesAndUnicodeComeBackDecoded() {
        putKeys(List.of("odd/a key with spaces.txt", "odd/Zoë+€.txt"));

        JsonNode result = s3.success("list_objects", args("{'bucket':'keys','prefix':'odd/'}"));

        assertThat(result.get("objects")).extracting(o -> o.get("key").asText())
                .containsExactly("odd/Zoë+€.txt", "odd/a key with spaces.txt");
    }

    @Test
    void anEmptyBucketListsNothing() {
        JsonNode result = s3.success("list_objects", args("{'bucket':'empty-bucket','delimiter':'/'}"));

        assertThat(result.get("objects")).isEmpty();
        assertThat(result.get("common_prefixes")).isEmpty();
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void aMissingBucketPointsAtListBuckets() {
        var failure = s3.failure("list_objects", args("{'bucket':'no-such-bucket'}"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("bucket no-such-bucket not found; call s3__list_buckets to see the buckets");
    }

    @Test
    void aGarbledCursorIsAnInvalidArgument() {
        var failure = s3.failure("list_objects", args("{'bucket':'keys','cursor':'not-a-cursor!'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor is not valid");
    }

    @Test
    void aCursorForAnotherPrefixIsRefused() {
        JsonNode first = s3.success("list_objects", args("{'bucket':'keys','prefix':'logs/','max_keys':2}"));

        var failure = s3.failure("list_objects", args("{'bucket':'keys','prefix':'runbooks/','cursor':'"
                + first.get("next_cursor").asText() + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).contains("cursor belongs to another request");
    }

    @Test
    void aWellFormedCursorWithAForeignPositionIsRefused() {
        String scope = "[\"list_objects\",\"keys\",\"\",\"\"]";
        String cursor = PageCursor.encode(scope, args("{'x':1}"));

        var failure = s3.failure("list_objects", args("{'bucket':'keys','cursor':'" + cursor + "'}"));

        assertThat(failure.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
    }

    @Test
    void checkIsHealthyAgainstLocalAws() {
        Health health = s3.toolset().check(s3.aws().callContext()).toCompletableFuture().join();

        assertThat(health).isEqualTo(Health.up());
    }

    private static void putKeys(List<String> keys) {
        CompletableFuture.allOf(keys.stream()
                .map(key -> s3.admin.putObject(b -> b.bucket("keys").key(key)
                        .overrideConfiguration(s3.aws().callContext().awsOverrides()), AsyncRequestBody.fromString("contents")))
                .toArray(CompletableFuture[]::new)).join();
    }
}
