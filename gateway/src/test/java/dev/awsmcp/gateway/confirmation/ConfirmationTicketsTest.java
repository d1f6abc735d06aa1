package dev.awsmcp.gateway.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.gateway.call.CallConfirmation;
import dev.awsmcp.gateway.call.ConfirmationRefusedException;
import dev.awsmcp.gateway.config.ConfirmationsConfig;
import dev.awsmcp.gateway.session.InMemorySessionStore;
import dev.awsmcp.gateway.session.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Sealed confirmation state: what it binds, how a key is rotated, and that its answer is used once. */
class ConfirmationTicketsTest {

    private static final String OLD_KEY = "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=";
    private static final String NEW_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final CallConfirmation.Request QUESTION = new CallConfirmation.Request(new CallConfirmation.Subject("ddb__put_item",
            "write", "payments", List.of("refunds")), "ab".repeat(32), "{}", List.of("policy"));

    private final SessionStore store = new InMemorySessionStore(Duration.ofMinutes(1));

    private ConfirmationTickets tickets(String key, List<String> previous, Clock clock) {
        return ConfirmationTickets.create(new ConfirmationsConfig(key, previous, Duration.ofMinutes(5)), store, clock);
    }

    @Test
    void aTicketHoldsForItsCallUntilItExpires() {
        ConfirmationTickets tickets = tickets(NEW_KEY, null, CLOCK);
        String sealed = tickets.issue("apikey:alice", QUESTION, "c-1");

        ConfirmationTicket ticket = tickets.check(sealed, "apikey:alice", QUESTION);

        assertThat(ticket.askedIn()).isEqualTo("c-1");
        assertThat(ticket.expiresAtMillis()).isEqualTo(CLOCK.millis() + Duration.ofMinutes(5).toMillis());
        assertThatThrownBy(() -> tickets(NEW_KEY, null, Clock.offset(CLOCK, Duration.ofMinutes(5))).check(sealed, "apikey:alice", QUESTION))
                .hasMessageContaining("the confirmation has expired (a person has 5m to answer)");
    }

    @Test
    void aRotatedKeyStillOpensWhatItSealedUntilItIsRemoved() {
        String sealedWithOld = tickets(OLD_KEY, null, CLOCK).issue("apikey:alice", QUESTION, "c-1");

        assertThat(tickets(NEW_KEY, List.of(OLD_KEY), CLOCK).check(sealedWithOld, "apikey:alice", QUESTION)).isNotNull();
        assertThat(tickets(NEW_KEY, List.of(OLD_KEY), CLOCK).issue("apikey:alice", QUESTION, "c-2"))
                .as("the new key seals").startsWith("c1." + ConfirmationSealer.keyId(Base64.getDecoder().decode(NEW_KEY)) + ".");
        assertThatThrownBy(() -> tickets(NEW_KEY, null, CLOCK).check(sealedWithOld, "apikey:alice", QUESTION))
                .isInstanceOf(ConfirmationRefusedException.class)
                .hasMessageContaining("sealed with a key this gateway no longer holds");
    }

    @Test
    void aChangedTicketIsRefusedEvenWhenItsPayloadReadsWell() {
        ConfirmationTickets tickets = tickets(NEW_KEY, null, CLOCK);
        String sealed = tickets.issue("apikey:alice", QUESTION, "c-1");
        String[] parts = sealed.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[2])).replace("apikey:alice", "apikey:mallory");
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
                + parts[3];

        assertThatThrownBy(() -> tickets.check(forged, "apikey:mallory", QUESTION))
                .isInstanceOfSatisfying(ConfirmationRefusedException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIRMATION_INVALID))
                .hasMessageContaining("requestState was changed or cut short");
        assertThatThrownBy(() -> tickets.check("not a state", "apikey:alice", QUESTION)).hasMessageContaining("changed or cut short");
    }

    @Test
    void anAnswerIsUsedOnce() {
        ConfirmationTickets tickets = tickets(NEW_KEY, null, CLOCK);
        ConfirmationTicket ticket = tickets.check(tickets.issue("apikey:alice", QUESTION, "c-1"), "apikey:alice", QUESTION);

        tickets.use(ticket).join();

        assertThatThrownBy(() -> tickets.use(ticket).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(ConfirmationRefusedException.class).hasMessageContaining("requestState was already used");
    }

    @Test
    void withoutAKeyAStoreSharedByInstancesAsksNothingAndTheRefusalNamesTheSetting() {
        SessionStore shared = (SessionStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SessionStore.class}, (proxy, method, args) -> method.getName().equals("shared") ? Boolean.TRUE
                        : method.invoke(store, args));
        ConfirmationTickets keyless = ConfirmationTickets.create(new ConfirmationsConfig(null, null, Duration.ofMinutes(5)), shared, CLOCK);

        assertThatThrownBy(() -> keyless.available("ddb__put_item").join())
                .cause().isInstanceOfSatisfying(ConfirmationRefusedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIRMATION_REQUIRED);
                    assertThat(e.answer()).isEqualTo(CallConfirmation.Answer.UNSUPPORTED);
                })
                .hasMessageContaining("confirmations.key is not set");
        assertThat(tickets(NEW_KEY, null, CLOCK).available("ddb__put_item")).isCompleted();
    }

    @Test
    void withoutAKeyOneInstanceSealsWithAKeyOfItsOwn() {
        ConfirmationTickets keyless = tickets(null, null, CLOCK);

        assertThat(keyless.available("ddb__put_item")).isCompleted();
        String sealed = keyless.issue("apikey:alice", QUESTION, "c-1");
        assertThatThrownBy(() -> tickets(NEW_KEY, null, CLOCK).check(sealed, "apikey:alice", QUESTION))
                .as("another process (another key) cannot open it").isInstanceOf(RuntimeException.class);
    }
}
