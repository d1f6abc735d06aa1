package dev.awsmcp.gateway.confirmation;

import java.util.Objects;

/**
 * What a sealed confirmation state says: the one call a person was asked to confirm, for whom, until when, and
 * the nonce that makes its answer usable once. The client can read it (it is signed, not encrypted): it holds
 * nothing the client does not know.
 *
 * @param principal the id of the principal who was asked
 * @param tool the exposed tool name of the call
 * @param argumentsSha256 SHA-256 (hex) of the call's canonical arguments: what the person was shown
 * @param expiresAtMillis when the question expires, epoch milliseconds
 * @param nonce random; claimed in the session store when an answer is used
 * @param askedIn the correlation id of the call that asked (its audit record)
 */
public record ConfirmationTicket(String principal, String tool, String argumentsSha256, long expiresAtMillis, String nonce, String askedIn) {

    public ConfirmationTicket {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(argumentsSha256, "argumentsSha256");
        Objects.requireNonNull(nonce, "nonce");
    }
}
