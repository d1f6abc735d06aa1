package dev.awsmcp.gateway.confirmation;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.call.CallConfirmation;
import dev.awsmcp.gateway.call.ConfirmationRefusedException;
import dev.awsmcp.gateway.config.ConfirmationsConfig;
import dev.awsmcp.gateway.config.Durations;
import dev.awsmcp.gateway.session.SessionStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirmation of a call across two requests (MCP 2026-07-28 multi round-trip): the first request is answered with
 * a question and a sealed ticket ({@link #issue}); the retry brings the ticket back with the person's answer, and the
 * answer counts only when the ticket was sealed by a key of this deployment, has not expired, is for this very call
 * (principal, tool, SHA-256 of the canonical arguments) ({@link #check}) and was not used before ({@link #use}: its
 * nonce claimed in the session store, which every instance shares when it is DynamoDB). Every refusal says why and
 * to start the call again.
 */
public final class ConfirmationTickets {

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationTickets.class);
    private static final String START_AGAIN = "; the call did not run. Start the call again (without requestState and inputResponses) "
            + "and the person is asked anew";

    private final ConfirmationSealer sealer;
    private final Duration ttl;
    private final SessionStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private ConfirmationTickets(ConfirmationSealer sealer, Duration ttl, SessionStore store, Clock clock) {
        this.sealer = sealer;
        this.ttl = ttl;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The tickets of {@code config}, their nonces claimed in {@code store}. Without {@code confirmations.key}: a random key of
     * this process when the store is this instance's alone (a retry can only come back here; logged at WARN), and none when
     * the store is shared by several instances (a retry on another instance could not be opened: such calls are refused,
     * naming the key to set).
     */
    public static ConfirmationTickets create(ConfirmationsConfig config, SessionStore store, Clock clock) {
        List<byte[]> keys = config.keyBytes();
        if (keys.isEmpty() && !store.shared()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            keys = List.of(key);
            LOG.warn("confirmations.key is not set: confirmation requests of MCP 2026-07-28 calls are sealed with a random key of this "
                    + "process; set confirmations.key (the same on every instance) before running several instances");
        }
        return new ConfirmationTickets(keys.isEmpty() ? null : new ConfirmationSealer(keys), config.ttl(), store, clock);
    }

    /**
     * Fails with the refusal to give a client that would need a ticket when no key is configured ({@code confirmations.key});
     * completes otherwise.
     */
    public CompletableFuture<Void> available(String tool) {
        if (sealer != null) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.warn("a call of {} needs a person's confirmation and the client speaks MCP 2026-07-28, but confirmations.key is not set: "
                + "the call is refused; set confirmations.key (the same on every instance) so that such clients can confirm calls", tool);
        return CompletableFuture.failedFuture(new ConfirmationRefusedException(CallConfirmation.Answer.UNSUPPORTED, ErrorKind.CONFIRMATION_REQUIRED,
                "this call of " + tool + " needs a person's confirmation, and this gateway cannot ask MCP 2026-07-28 clients for it: its "
                        + "confirmations.key is not set; ask its operator to set confirmations.key, or call from an MCP 2025-11-25 session"));
    }

    /** A sealed ticket for {@code question}, asked of {@code principal} by the call {@code askedIn}. */
    public String issue(String principal, CallConfirmation.Request question, String askedIn) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return sealer.seal(new ConfirmationTicket(principal, question.call().tool(), question.payloadDigest(),
                clock.instant().plus(ttl).toEpochMilli(), Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), askedIn));
    }

    /**
     * The ticket in {@code sealed} when it holds for the call {@code question} of {@code principal}.
     *
     * @throws ConfirmationRefusedException saying what does not hold, and to start the call again
     */
    public ConfirmationTicket check(String sealed, String principal, CallConfirmation.Request question) {
        ConfirmationSealer.Opened opened = sealer.open(sealed);
        if (opened.problem() == ConfirmationSealer.Problem.UNKNOWN_KEY) {
            throw ConfirmationRefusedException.invalid("requestState was sealed with a key this gateway no longer holds (it was rotated)"
                    + START_AGAIN);
        }
        if (opened.problem() != null) {
            throw ConfirmationRefusedException.invalid("requestState was changed or cut short, or was not issued by this gateway (send it "
                    + "back exactly as received)" + START_AGAIN);
        }
        ConfirmationTicket ticket = opened.ticket();
        String tool = question.call().tool();
        if (!ticket.principal().equals(principal)) {
            throw ConfirmationRefusedException.invalid("requestState was issued to another caller, not to " + principal + START_AGAIN);
        }
        if (!ticket.tool().equals(tool)) {
            throw ConfirmationRefusedException.invalid("requestState was issued for a call of " + ticket.tool() + ", not of " + tool
                    + START_AGAIN);
        }
        if (!ticket.argumentsSha256().equals(question.payloadDigest())) {
            throw ConfirmationRefusedException.invalid("requestState was issued for other arguments (SHA-256 " + ticket.argumentsSha256()
                    + "), and the person confirmed those, not these (SHA-256 " + question.payloadDigest() + ")" + START_AGAIN);
        }
        if (clock.millis() >= ticket.expiresAtMillis()) {
            throw ConfirmationRefusedException.invalid("the confirmation has expired (a person has " + Durations.format(ttl)
                    + " to answer)" + START_AGAIN);
        }
        return ticket;
    }

    /**
     * Uses {@code ticket}'s answer: claims its nonce for every instance. Fails with {@link ConfirmationRefusedException}
     * when it was used before, or when the session store cannot be reached (fail closed).
     */
    public CompletableFuture<Void> use(ConfirmationTicket ticket) {
        return store.claim("confirmation:" + ticket.nonce(), clock.instant(), Instant.ofEpochMilli(ticket.expiresAtMillis()))
                .handle((claimed, failure) -> {
                    if (failure != null) {
                        LOG.warn("confirmation asked in call {}: the session store could not record its use: {}", ticket.askedIn(),
                                failure.toString());
                        throw new ConfirmationRefusedException(CallConfirmation.Answer.INVALID, ErrorKind.UNAVAILABLE,
                                "the gateway could not check that this confirmation was not used before (its session store is "
                                        + "unavailable); the call did not run; retry shortly");
                    }
                    if (!claimed) {
                        LOG.warn("confirmation asked in call {} was brought back again: refused as a replay", ticket.askedIn());
                        throw ConfirmationRefusedException.invalid("requestState was already used: a person's answer confirms one call "
                                + "once" + START_AGAIN);
                    }
                    return null;
                });
    }
}
