package dev.awsmcp.toolset.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.toolset.api.ToolResult;
import dev.awsmcp.toolset.api.ToolResult.Kind;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Failures moto cannot inject (throttling, access denied, timeouts), built as the SDK builds them. */
class LambdaErrorTranslatorTest {

    private final LambdaErrorTranslator translator = new LambdaErrorTranslator(
            new ToolsetConfig("payfn", "lambda", Region.US_EAST_1, null, null));

    private static LambdaException service(String code, int status, String message) {
        return (LambdaException) LambdaException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private ToolResult.Failure translate(Throwable failure, String tool, String function) {
        return (ToolResult.Failure) translator.translate(new CompletionException(failure), tool, function);
    }

    @Test
    void notFoundNamesTheFunctionAndTheToolsetsListTool() {
        assertThat(translate(service("ResourceNotFoundException", 404, "Function not found"), "get_function_configuration", "pay"))
                .isEqualTo(ToolResult.failure(Kind.NOT_FOUND, "function pay not found; call payfn__list_functions to see the functions"));
    }

    @Test
    void throttlingIsThrottledAndQuotesAws() {
        ToolResult.Failure failure = translate(TooManyRequestsException.builder().statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").errorMessage("Rate Exceeded.").build())
                .build(), "invoke", "pay");

        assertThat(failure.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(failure.message()).contains("\"Rate Exceeded.\"");
    }

    @Test
    void accessDeniedQuotesAws() {
        assertThat(translate(service("AccessDeniedException", 403, "User x is not authorized to perform lambda:InvokeFunction"),
                "invoke", "pay")).isEqualTo(ToolResult.failure(Kind.ACCESS_DENIED,
                "access denied by AWS: \"User x is not authorized to perform lambda:InvokeFunction\""));
    }

    @Test
    void invalidRequestsQuoteAws() {
        ToolResult.Failure content = translate(service("InvalidRequestContentException", 400, "Could not parse request body"), "invoke", "pay");
        ToolResult.Failure parameter = translate(service("InvalidParameterValueException", 400, "bad qualifier"), "invoke", "pay");

        assertThat(content).isEqualTo(ToolResult.failure(Kind.INVALID_ARGUMENT,
                "Lambda rejected the request (InvalidRequestContentException): \"Could not parse request body\""));
        assertThat(parameter.kind()).isEqualTo(Kind.INVALID_ARGUMENT);
        assertThat(parameter.message()).contains("\"bad qualifier\"");
    }

    @Test
    void timeoutsAreTimeoutsAndAnInvokeTimeoutWarnsThatTheFunctionMayHaveRun() {
        assertThat(translate(ApiCallTimeoutException.create(1000), "list_functions", null).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(translate(ApiCallTimeoutException.create(1000), "invoke", "pay").message()).contains("may still be running");
        assertThat(translate(ApiCallTimeoutException.create(1000), "list_functions", null).message()).contains("limit");
        assertThat(translate(ApiCallTimeoutException.create(1000), "get_function_configuration", "pay").message())
                .isEqualTo("Lambda did not answer before the call's deadline; retry");
    }

    @Test
    void aFunctionThatCannotRunAsConfiguredIsNoLambdaFailure() {
        ToolResult.Failure failure = translate(service("KMSDisabledException", 502, "Lambda was unable to decrypt the environment variables"),
                "invoke", "pay");

        assertThat(failure.kind()).as("not UPSTREAM: must not count against Lambda in the circuit breaker").isEqualTo(Kind.CONFLICT);
        assertThat(failure.message()).isEqualTo("function pay cannot run as configured (KMSDisabledException): \"Lambda was unable to "
                + "decrypt the environment variables\"; its owners must fix its configuration; payfn__get_function_configuration shows it");
    }

    @Test
    void updatesInProgressAreConflicts() {
        assertThat(translate(service("ResourceConflictException", 409, "The operation cannot be performed at this time."),
                "invoke", "pay").kind()).isEqualTo(Kind.CONFLICT);
    }

    @Test
    void networkAndUnknownServiceErrorsAreUpstream() {
        assertThat(translate(SdkClientException.create("connection refused"), "list_functions", null).kind()).isEqualTo(Kind.UPSTREAM);
        assertThat(translate(service("ServiceException", 500, "oops"), "invoke", "pay"))
                .isEqualTo(ToolResult.failure(Kind.UPSTREAM, "Lambda failed (ServiceException): \"oops\""));
    }

    @Test
    void bugsStayExceptions() {
        assertThatThrownBy(() -> translator.translate(new NullPointerException("bug"), "invoke", "pay"))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NullPointerException.class);
    }
}
