package dev.awsmcp.toolset.support;

import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One error response from an AWS service, with the code and message read once so toolsets never
 * repeat the null checks. Bodyless responses (HEAD requests) have an empty code; the message then
 * falls back to the SDK's own text, or says that the response had none.
 *
 * @param exception the SDK exception; never null
 * @param code the AWS error code, or {@code ""} when the response had none
 * @param message the AWS error message; when the response had none, the exception's own message or
 *     {@code "HTTP <status> without an error message"}; never null
 */
public record AwsError(AwsServiceException exception, String code, String message) {

    public AwsError {
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** Reads the code and message of {@code exception} (not null). */
    public static AwsError of(AwsServiceException exception) {
        var details = exception.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String message = details != null && details.errorMessage() != null ? details.errorMessage()
                : details == null && exception.getMessage() != null ? exception.getMessage()
                : "HTTP " + exception.statusCode() + " without an error message";
        return new AwsError(exception, code, message);
    }

    /** The HTTP status of the response. */
    public int status() {
        return exception.statusCode();
    }

    /** The code, or {@code "HTTP <status>"} when the response had none, for messages. */
    public String codeOrStatus() {
        return code.isEmpty() ? "HTTP " + status() : code;
    }
}
