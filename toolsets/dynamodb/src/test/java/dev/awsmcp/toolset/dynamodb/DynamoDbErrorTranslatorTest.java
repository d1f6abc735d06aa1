package dev.awsmcp.toolset.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** Failures moto cannot inject (throttling, access denied, timeouts), built as the SDK builds them. */
class DynamoDbErrorTranslatorTest {

    private final DynamoDbErrorTranslator translator = new DynamoDbErrorTranslator(new ToolNames("orders-db"));

    private static DynamoDbException service(String code, int status, String message) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private static DynamoDbErrorTranslator.Subject on(String tool, String table) {
        return new DynamoDbErrorTranslator.Subject(tool, List.of(table), null, List.of());
    }

    private Kind kindOf(Throwable failure) {
        return ((ToolResult.Failure) translator.translate(new CompletionException(failure), on("get_item", "t"))).kind();
    }

    @Test
    void throttlingInAllItsFormsIsThrottled() {
        assertThat(kindOf(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build()))
                .isEqualTo(Kind.THROTTLED);
        assertThat(kindOf(RequestLimitExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("RequestLimitExceeded").build()).build()))
                .isEqualTo(Kind.THROTTLED);
        assertThat(kindOf(service("ThrottlingException", 400, "slow down"))).isEqualTo(Kind.THROTTLED);
    }

    @Test
    void accessDeniedQuotesAws() {
        ToolResult result = translator.translate(service("AccessDeniedException", 400, "User x is not authorized"), on("get_item", "t"));

        assertThat(result).isEqualTo(ToolResult.failure(Kind.ACCESS_DENIED, "access denied by AWS: \"User x is not authorized\""));
    }

    @Test
    void timeoutsAreTimeouts() {
        assertThat(kindOf(ApiCallTimeoutException.create(1000))).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void notFoundNamesTheToolsetsListTool() {
        ToolResult result = translator.translate(service("ResourceNotFoundException", 400, "Requested resource not found"),
                on("query", "orders"));

        assertThat(((ToolResult.Failure) result).message()).contains("table orders not found").contains("orders-db__list_tables");
    }

    @Test
    void networkAndUnknownServiceErrorsAreUpstream() {
        assertThat(kindOf(SdkClientException.create("connection refused"))).isEqualTo(Kind.UPSTREAM);
        assertThat(kindOf(service("InternalServerError", 500, "oops"))).isEqualTo(Kind.UPSTREAM);
    }

    @Test
    void bugsStayExceptions() {
        assertThatThrownBy(() -> translator.translate(new NullPointerException("bug"), DynamoDbErrorTranslator.Subject.NONE))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void aMissingIndexIsNamedWithItsTableAndTheToolThatListsIndexes() {
        var subject = new DynamoDbErrorTranslator.Subject("query", List.of("orders"), "by-status", List.of());
        String expected = "index by-status not found on table orders; call orders-db__describe_table to see its indexes, "
                + "or omit index to read the table";

        // What AWS answers, and what moto answers.
        assertThat(translator.translate(service("ValidationException", 400, "The table does not have the specified index: by-status"),
                subject)).isEqualTo(ToolResult.failure(Kind.NOT_FOUND, expected));
        assertThat(translator.translate(service("ResourceNotFoundException", 400,
                "Invalid index: by-status for table: orders. Available indexes are: "), subject))
                .isEqualTo(ToolResult.failure(Kind.NOT_FOUND, expected));
        assertThat(((ToolResult.Failure) translator.translate(service("ResourceNotFoundException", 400, "Requested resource not found"),
                subject)).message()).as("the table itself is missing").startsWith("table orders not found");
    }

    @Test
    void aKeyThatDoesNotMatchTheKeySchemaNamesTheKeyAndWhereToSeeTheSchema() {
        var subject = new DynamoDbErrorTranslator.Subject("get_item", List.of("orders"), null, List.of("id"));
        String expected = "key {id} does not match the key schema of table orders: give exactly its partition key and, if it "
                + "has one, its sort key, with the types the table declares; call orders-db__describe_table to see them";

        assertThat(translator.translate(service("ValidationException", 400, "The provided key element does not match the schema"),
                subject)).isEqualTo(ToolResult.failure(Kind.INVALID_ARGUMENT, expected));
        assertThat(translator.translate(service("ValidationException", 400, "Validation Exception"), subject))
                .isEqualTo(ToolResult.failure(Kind.INVALID_ARGUMENT, expected));
    }

    @Test
    void otherValidationErrorsNameTheToolAndTable() {
        assertThat(translator.translate(service("ValidationException", 400, "Invalid KeyConditionExpression"), on("query", "orders")))
                .isEqualTo(ToolResult.failure(Kind.INVALID_ARGUMENT, "DynamoDB rejected orders-db__query on table orders: "
                        + "\"Invalid KeyConditionExpression\"; fix the argument it names and call again"));
    }

    @Test
    void timeoutAdviceFitsTheTool() {
        assertThat(message(ApiCallTimeoutException.create(1000), on("get_item", "t")))
                .isEqualTo("DynamoDB did not answer before the call's deadline; retry");
        assertThat(message(ApiCallTimeoutException.create(1000), on("query", "t"))).contains("limit").doesNotContain("window");
        assertThat(message(ApiCallTimeoutException.create(1000), on("put_item", "t")))
                .contains("may or may not have been applied").contains("orders-db__get_item");
    }

    private String message(Throwable failure, DynamoDbErrorTranslator.Subject subject) {
        return ((ToolResult.Failure) translator.translate(failure, subject)).message();
    }
}
