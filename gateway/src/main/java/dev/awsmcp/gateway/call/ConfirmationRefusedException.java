package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.ErrorKind;
import java.util.Objects;

/**
 * A confirmation the gateway refuses on its own account rather than a person's: the answer a client brought back
 * does not hold for this call (changed, expired, already used, another call's), or it cannot be checked. The call
 * is refused with {@link #kind()} and the message, which says why and what to do; the record shows {@link #answer()}.
 */
public final class ConfirmationRefusedException extends RuntimeException {

    private final CallConfirmation.Answer answer;
    private final ErrorKind kind;

    /**
     * @param answer what the audit record shows as the confirmation
     * @param kind the refusal's error kind
     * @param message why, in the caller's terms, and what to do
     */
    public ConfirmationRefusedException(CallConfirmation.Answer answer, ErrorKind kind, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.answer = Objects.requireNonNull(answer, "answer");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The answer a retry brought back does not hold for the call; {@code message} says why and what to do. */
    public static ConfirmationRefusedException invalid(String message) {
        return new ConfirmationRefusedException(CallConfirmation.Answer.INVALID, ErrorKind.CONFIRMATION_INVALID, message);
    }

    /** What the audit record shows as the confirmation. */
    public CallConfirmation.Answer answer() {
        return answer;
    }

    /** The refusal's error kind. */
    public ErrorKind kind() {
        return kind;
    }
}
