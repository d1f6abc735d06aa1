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

    private Kind kindOf(Throwable failure) {
        return ((ToolResult.Failure) translator.translate(new CompletionException(failure), List.of("t"))).kind();
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
        ToolResult result = translator.translate(service("AccessDeniedException", 400, "User x is not authorized"), List.of("t"));

        assertThat(result).isEqualTo(ToolResult.failure(Kind.ACCESS_DENIED, "access denied by AWS: \"User x is not authorized\""));
    }

    @Test
    void timeoutsAreTimeouts() {
        assertThat(kindOf(ApiCallTimeoutException.create(1000))).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void notFoundNamesTheToolsetsListTool() {
        ToolResult result = translator.translate(service("ResourceNotFoundException", 400, "Requested resource not found"),
                List.of("orders"));

        assertThat(((ToolResult.Failure) result).message()).contains("table orders not found").contains("orders-db__list_tables");
    }

    @Test
    void networkAndUnknownServiceErrorsAreUpstream() {
        assertThat(kindOf(SdkClientException.create("connection refused"))).isEqualTo(Kind.UPSTREAM);
        assertThat(kindOf(service("InternalServerError", 500, "oops"))).isEqualTo(Kind.UPSTREAM);
    }

    @Test
    void bugsStayExceptions() {
        assertThatThrownBy(() -> translator.translate(new NullPointerException("bug"), List.of()))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NullPointerException.class);
    }
}
