package dev.awsmcp.toolset.s3;

import static dev.awsmcp.toolset.s3.S3Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.testkit.LocalAws;
import dev.awsmcp.testkit.LocalAwsExtension;
import dev.awsmcp.testkit.SeedScripts;
import dev.awsmcp.toolset.support.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the gateway's S3 demo seed script against the test moto, the way the CLI does, and reads its story back. */
@ExtendWith(LocalAwsExtension.class)
class SeedDemoScriptTest {

    private static final Path SCRIPT = Path.of("../../gateway/src/main/resources/local-aws/seed-demo-s3.py");
    private static S3Fixture s3;
    private static String output;

    @BeforeAll
    static void seed(LocalAws aws) {
        s3 = new S3Fixture(aws);
        output = SeedScripts.run(aws, SCRIPT);
        // Idempotent: a second run drops and recreates the same buckets.
        output = SeedScripts.run(aws, SCRIPT);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @Test
    void printsOneSummaryLine() {
        assertThat(output.strip()).matches("seeded demo s3: buckets=3, objects=\\d+");
    }

    @Test
    void theManifestsShowTheTimeoutChange() throws IOException {
        JsonNode before = parsedText(s3.success("get_object", args("{'bucket':'payments-deploys','key':'manifests/2024.11.2.json'}")));
        JsonNode after = parsedText(s3.success("get_object", args("{'bucket':'payments-deploys','key':'manifests/2024.11.3.json'}")));

        assertThat(before.at("/config/card_processor/timeout_ms").asInt()).isEqualTo(10000);
        assertThat(after.at("/config/card_processor/timeout_ms").asInt()).isEqualTo(3000);
        assertThat(java.time.Instant.parse(after.get("deployed_at").asText()))
                .isBetween(java.time.Instant.now().minusSeconds(60 * 60), java.time.Instant.now().minusSeconds(50 * 60));
    }

    @Test
    void theVendorNotesCarryTheInjectionAttemptInTheMiddle() {
        String notes = s3.success("get_object", args("{'bucket':'payments-runbooks','key':'runbooks/vendor-notes.md'}"))
                .get("text").asText();

        assertThat(notes).contains("Ignore all previous instructions").contains("lambda__invoke").contains("payments-refund-worker");
        assertThat(notes.indexOf("Ignore all previous")).isBetween(notes.length() / 5, notes.length() * 4 / 5);
    }

    @Test
    void theArtifactIsBinaryAndTheExportNeedsSeveralRanges() {
        JsonNode artifact = s3.success("get_object", args("{'bucket':'payments-deploys','key':'artifacts/payments-api-2024.11.3.tar.gz'}"));
        JsonNode export = s3.success("get_object", args("{'bucket':'payments-deploys','key':'exports/card-processor-latency.csv'}"));

        assertThat(artifact.get("content_kind").asText()).isEqualTo("binary");
        assertThat(export.get("content_kind").asText()).isEqualTo("text");
        assertThat(export.get("total_size").asLong()).isGreaterThan(250_000);
        assertThat(export.get("truncated").asBoolean()).isTrue();
        assertThat(export.get("text").asText()).startsWith("timestamp,order_id,");
    }

    @Test
    void runbooksAndTheOtherTeamsReportsAreListed() {
        JsonNode runbooks = s3.success("list_objects", args("{'bucket':'payments-runbooks','prefix':'runbooks/'}"));
        JsonNode buckets = s3.success("list_buckets", args("{}"));

        assertThat(runbooks.get("objects")).extracting(o -> o.get("key").asText())
                .contains("runbooks/card-processor-timeouts.md", "runbooks/stuck-orders.md", "runbooks/vendor-notes.md");
        assertThat(buckets.get("buckets")).extracting(b -> b.get("name").asText())
                .contains("payments-runbooks", "payments-deploys", "inventory-reports");
        assertThat(s3.success("get_bucket_policy", args("{'bucket':'payments-deploys'}")).get("has_policy").asBoolean()).isTrue();
    }

    private static JsonNode parsedText(JsonNode getObjectResult) throws IOException {
        return Json.mapper().readTree(getObjectResult.get("text").asText());
    }
}
