package dev.awsmcp.gateway.identity;

import dev.awsmcp.toolset.api.SessionPolicyDocument;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** STS refused or failed to assume a toolset's role; the message names the role and what to fix. */
public final class RoleAssumptionException extends RuntimeException {

    private final boolean throttled;

    private RoleAssumptionException(String message, boolean throttled, Throwable cause) {
        super(message, cause);
        this.throttled = throttled;
    }

    /** True when STS throttled the request: worth retrying shortly. */
    public boolean throttled() {
        return throttled;
    }

    static RoleAssumptionException sessionPolicyTooLarge(String roleArn, String team, int length) {
        return new RoleAssumptionException("cannot assume role " + roleArn + " for team " + team + ": the session policy is " + length
                + " characters; AWS allows " + SessionPolicyDocument.MAX_CHARACTERS
                + ": use fewer or broader resource patterns in the team's policy file", false, null);
    }

    static RoleAssumptionException from(String roleArn, String team, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String prefix = "cannot assume role " + roleArn + " for team " + team + ": ";
        if (cause instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? "HTTP " + aws.statusCode() : aws.awsErrorDetails().errorCode();
            String message = aws.awsErrorDetails() == null ? aws.getMessage() : aws.awsErrorDetails().errorMessage();
            String hint = switch (String.valueOf(code)) {
                case "AccessDenied" -> "; the role's trust policy must allow the gateway's identity sts:AssumeRole, "
                        + "sts:SetSourceIdentity and sts:TagSession (and the ExternalId, if configured)";
                case "ExpiredToken", "ExpiredTokenException" -> "; the gateway's own credentials expired";
                case "PackedPolicyTooLarge" -> "; the team's session policy for this toolset (with the session tags) is over AWS's "
                        + "packed size limit: use fewer or broader resource patterns in the team's policy file, or set sessionPolicy: false";
                case "MalformedPolicyDocument" -> "; the session policy generated from the team's grant was refused: "
                        + "check the grant's resource patterns, or set sessionPolicy: false";
                default -> "";
            };
            return new RoleAssumptionException(prefix + code + ": \"" + message + "\"" + hint, aws.isThrottlingException(), cause);
        }
        if (cause instanceof SdkClientException) {
            return new RoleAssumptionException(prefix + "STS could not be reached: " + cause.getMessage(), false, cause);
        }
        return new RoleAssumptionException(prefix + cause, false, cause);
    }
}
