package dev.awsmcp.gateway.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.guard.GuardContext;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.GuardedResult;
import dev.awsmcp.gateway.guard.InjectionDetectors;
import dev.awsmcp.gateway.guard.ResultGuard;
import dev.awsmcp.gateway.guard.SecretRedactor;
import dev.awsmcp.gateway.testing.MutableClock;
import dev.awsmcp.toolset.support.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sealed cursors open only unchanged, unexpired, with the key they were sealed with, for the very call they continue. */
class CursorSealerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final Principal ALICE = Principal.apiKey("alice");
    private static final String TOOL = "logs__filter_log_events";
    private static final String INNER = "eyJzIjoiZmlsdGVyX2xvZ19ldmVudHMiLCJwIjp7InN0YXJ0IjoxNzAwMDAwMDAwMDAwfX0";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final CursorSealer sealer = new CursorSealer(List.of(KEY), Duration.ofHours(1), clock);

    private static ObjectNode arguments(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CursorBinding binding(Principal principal, String tool, String arguments) {
        return CursorBinding.of(principal, tool, arguments(arguments));
    }

    private static final CursorBinding CALL = binding(ALICE, TOOL, "{\"log_group\":\"/ecs/api\",\"start\":\"-1h\",\"limit\":5}");

    @Test
    void opensWhatItSealedForTheSameCall() throws Exception {
        String sealed = sealer.seal(INNER, CALL);

        assertThat(sealer.open(sealed, CALL)).isEqualTo(INNER);
        assertThat(sealed).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void theCursorArgumentAndTheOrderOfKeysDoNotChangeTheBinding() throws Exception {
        String sealed = sealer.seal(INNER, CALL);

        CursorBinding reordered = binding(ALICE, TOOL, "{\"limit\":5,\"cursor\":\"" + sealed + "\",\"start\":\"-1h\",\"log_group\":\"/ecs/api\"}");

        assertThat(sealer.open(sealed, reordered)).isEqualTo(INNER);
    }

    @Test
    void everyChangedByteIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(sealer.seal(INNER, CALL));
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            assertThatThrownBy(() -> sealer.open(tampered, CALL)).as("byte %d", i)
                    .isInstanceOf(CursorRejectedException.class)
                    .hasMessage("cursor is not valid (changed, cut short, or issued by a gateway with another cursor key); "
                            + "pass next_cursor exactly as returned, or call again without cursor to start over");
        }
    }

    @Test
    void cutShortOrNotBase64OrUnsealedIsRefused() {
        String sealed = sealer.seal(INNER, CALL);
        for (String bad : List.of(sealed.substring(0, sealed.length() - 1), sealed.substring(0, 20), "", "not a cursor!", INNER,
                sealed + "AA", "x".repeat(CursorSealer.MAX_SEALED_CHARS + 1))) {
            assertThatThrownBy(() -> sealer.open(bad, CALL)).isInstanceOf(CursorRejectedException.class)
                    .hasMessageStartingWith("cursor is not valid");
        }
    }

    @Test
    void expiresAfterItsTimeToLive() throws Exception {
        String sealed = sealer.seal(INNER, CALL);

        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(sealer.open(sealed, CALL)).isEqualTo(INNER);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> sealer.open(sealed, CALL)).isInstanceOf(CursorRejectedException.class)
                .hasMessage("cursor has expired (cursors are valid for 1h); call again without cursor to start over");
    }

    @Test
    void anotherPrincipalToolOrArgumentsCannotReplayIt() {
        String sealed = sealer.seal(INNER, CALL);
        String args = "{\"log_group\":\"/ecs/api\",\"start\":\"-1h\",\"limit\":5}";
        for (CursorBinding other : List.of(
                binding(Principal.apiKey("bob"), TOOL, args),
                // The same id by another way of authenticating is another caller.
                binding(Principal.jwt("apikey:alice", Set.of()), TOOL, args),
                binding(ALICE, "logs__get_log_events", args),
                binding(ALICE, "other__filter_log_events", args),
                binding(ALICE, TOOL, "{\"log_group\":\"/ecs/api\",\"start\":\"-1h\",\"limit\":6}"),
                binding(ALICE, TOOL, "{\"log_group\":\"/ecs/api\",\"start\":\"-30d\",\"limit\":5}"),
                binding(ALICE, TOOL, "{\"log_group\":\"/ecs/api\",\"start\":\"-1h\"}"))) {
            assertThatThrownBy(() -> sealer.open(sealed, other)).isInstanceOf(CursorRejectedException.class)
                    .hasMessage("cursor was issued for another call (another tool or caller, or other arguments); repeat the arguments "
                            + "of the call that returned it exactly, or call again without cursor to start over");
        }
    }

    @Test
    void anotherKeyCannotOpenItButAPreviousKeyStillDoes() throws Exception {
        String sealedWithOld = sealer.seal(INNER, CALL);
        CursorSealer other = new CursorSealer(List.of(OTHER_KEY), Duration.ofHours(1), clock);
        CursorSealer rotated = new CursorSealer(List.of(OTHER_KEY, KEY), Duration.ofHours(1), clock);
        CursorSealer sameKey = new CursorSealer(List.of(KEY.clone()), Duration.ofHours(1), clock);

        assertThatThrownBy(() -> other.open(sealedWithOld, CALL)).hasMessageStartingWith("cursor is not valid");
        assertThat(sameKey.open(sealedWithOld, CALL)).isEqualTo(INNER);
        assertThat(rotated.open(sealedWithOld, CALL)).isEqualTo(INNER);
        String sealedWithNew = rotated.seal(INNER, CALL);
        assertThat(other.open(sealedWithNew, CALL)).isEqualTo(INNER);
        assertThatThrownBy(() -> sealer.open(sealedWithNew, CALL)).hasMessageStartingWith("cursor is not valid");
    }

    @Test
    void theClientCannotReadWhatIsInside() {
        String inner = "{\"table\":\"orders\",\"key\":{\"pk\":\"customer#4711\"}}";
        String sealed = sealer.seal(inner, CALL);
        String decoded = new String(Base64.getUrlDecoder().decode(sealed), StandardCharsets.ISO_8859_1);

        assertThat(decoded).doesNotContain("orders", "customer", "4711");
        assertThat(sealer.seal(inner, CALL)).as("a fresh salt and nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void resealingBindsItToAnotherCallWithAFreshExpiryAndTheSameLength() throws Exception {
        String sealed = sealer.seal(INNER, CALL);
        CursorBinding bob = binding(Principal.apiKey("bob"), TOOL, "{\"log_group\":\"/ecs/api\",\"start\":\"-1h\",\"limit\":5}");
        clock.advance(Duration.ofMinutes(50));

        String resealed = sealer.reseal(sealed, bob).orElseThrow();

        assertThat(resealed).hasSameSizeAs(sealed);
        clock.advance(Duration.ofMinutes(50));
        assertThat(sealer.open(resealed, bob)).isEqualTo(INNER);
        assertThatThrownBy(() -> sealer.open(resealed, CALL)).hasMessageStartingWith("cursor was issued for another call");
        assertThat(sealer.reseal(INNER, bob)).isEmpty();
    }

    @Test
    void theResultGuardLeavesSealedCursorsAlone() {
        ResultGuard guard = new ResultGuard(new SecretRedactor(false), InjectionDetectors.installed());
        GuardContext context = new GuardContext(GuardMode.NEUTRALIZE, 65536, "ddb", "ddb__scan", List.of("orders"));
        for (int i = 0; i < 300; i++) {
            String sealed = sealer.seal(INNER.repeat(1 + i % 5), CALL);
            ObjectNode result = Json.object();
            result.put("next_cursor", sealed);

            GuardedResult guarded = guard.apply(result, context);

            assertThat(guarded.json().path("next_cursor").asText()).isEqualTo(sealed);
            assertThat(guarded.findings()).isEmpty();
        }
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new CursorSealer(List.of(new byte[31]), Duration.ofHours(1), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CursorSealer(List.of(), Duration.ofHours(1), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
