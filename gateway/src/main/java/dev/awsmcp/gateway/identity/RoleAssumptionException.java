package dev.awsmcp.gateway.identity;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.toolset.support.AwsError;
import dev.awsmcp.toolset.support.AwsFailures;
import dev.awsmcp.toolset.support.SessionPolicyDocument;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** STS refused or failed to assume a toolset's role; the message names the role and what to fix. */
public final class RoleAssumptionException extends RuntimeException {

    private final ErrorKind kind;

    private RoleAssumptionException(String message, ErrorKind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** The tool error kind: THROTTLED (retry shortly), UPSTREAM (STS unreachable or failing), else ACCESS_DENIED. */
    public ErrorKind kind() {
        return kind;
    }

    static RoleAssumptionException sessionPolicyTooLarge(String roleArn, String team, int length) {
        return new RoleAssumptionException("cannot assume role " + roleArn + " for team " + team + ": the session policy is " + length
                + " characters; AWS allows " + SessionPolicyDocument.MAX_CHARACTERS
                + ": use fewer or broader resource patterns in the team's policy file", ErrorKind.ACCESS_DENIED, null);
    }

    static RoleAssumptionException from(String roleArn, String team, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String prefix = "cannot assume role " + roleArn + " for team " + team + ": ";
        if (cause instanceof AwsServiceException aws) {
            AwsError error = AwsError.of(aws);
            String code = error.codeOrStatus();
            String message = error.message();
            String hint = switch (code) {
                case "AccessDenied" -> "; the role's trust policy must allow the gateway's identity sts:AssumeRole, "
                        + "sts:SetSourceIdentity and sts:TagSession (and the ExternalId, if configured)";
                case "ExpiredToken", "ExpiredTokenException" -> "; the gateway's own credentials expired";
                case "PackedPolicyTooLarge" -> "; the team's session policy for this toolset (with the session tags) is over AWS's "
                        + "packed size limit: use fewer or broader resource patterns in the team's policy file, or set sessionPolicy: false";
                case "MalformedPolicyDocument" -> "; the session policy generated from the team's grant was refused: "
                        + "check the grant's resource patterns, or set sessionPolicy: false";
                default -> "";
            };
            ErrorKind kind = aws.isThrottlingException() ? ErrorKind.THROTTLED
                    : aws.statusCode() >= 500 ? ErrorKind.UPSTREAM : ErrorKind.ACCESS_DENIED;
            return new RoleAssumptionException(prefix + code + ": \"" + message + "\"" + hint, kind, cause);
        }
        if (cause instanceof SdkClientException) {
            return new RoleAssumptionException(prefix + "STS could not be reached: " + AwsFailures.reason(cause), ErrorKind.UPSTREAM, cause);
        }
        return new RoleAssumptionException(prefix + "the gateway failed while asking STS; its log has the details", ErrorKind.UPSTREAM, cause);
    }
}
