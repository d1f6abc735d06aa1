package dev.awsmcp.gateway.taint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsmcp.gateway.session.SessionStore;
import dev.awsmcp.gateway.session.StoredSession;
import dev.awsmcp.gateway.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What {@link TaintTracker} keeps over every {@link SessionStore}: a principal's taint (requests without a session) as a store
 * value that two trackers (two instances) share and that lasts the window after its last read; a session's taint in the
 * session. Each implementation's test supplies a store.
 */
abstract class TaintTrackerContract {

    static final Duration WINDOW = Duration.ofHours(1);
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final TaintKey principal = TaintKey.principal("apikey:" + UUID.randomUUID());

    abstract SessionStore store();

    TaintTracker instance() {
        return new TaintTracker(store(), WINDOW, clock);
    }

    static SessionTaint.Reason read(String tool, TaintLevel level, String... families) {
        return new SessionTaint.Reason(UUID.randomUUID().toString(), tool, List.of("/aws/lambda/x"), level, List.of(families));
    }

    SessionTaint taint(TaintTracker tracker, TaintKey key, String tool, TaintLevel level) {
        return tracker.taint(key, read(tool, level, level == TaintLevel.STRONG ? new String[] {"override"} : new String[0]),
                level == TaintLevel.STRONG ? Set.of("payments-refund-all") : Set.of()).join();
    }

    private TaintLevel level(TaintTracker tracker, TaintKey key) {
        return tracker.current(key).join().level();
    }

    @Test
    void aPrincipalsTaintIsSeenByAnotherInstance() {
        TaintTracker a = instance();
        TaintTracker b = instance();

        taint(a, principal, "logs__filter_log_events", TaintLevel.STRONG);

        SessionTaint onB = b.current(principal).join();
        assertThat(onB.level()).isEqualTo(TaintLevel.STRONG);
        assertThat(onB.markers()).contains("payments-refund-all");
        assertThat(level(b, TaintKey.principal("apikey:someone-else"))).isEqualTo(TaintLevel.CLEAN);
    }

    @Test
    void aPrincipalsTaintLastsTheWindowAfterItsLastRead() {
        TaintTracker tracker = instance();
        taint(tracker, principal, "logs__filter_log_events", TaintLevel.STRONG);
        clock.advance(Duration.ofMinutes(50));
        taint(tracker, principal, "s3__get_object", TaintLevel.WEAK);

        clock.advance(Duration.ofMinutes(59));
        assertThat(level(tracker, principal)).as("an hour and 49 minutes after the flagged read, 59 minutes after the last")
                .isEqualTo(TaintLevel.STRONG);
        clock.advance(Duration.ofMinutes(3));
        assertThat(level(tracker, principal)).as("62 minutes after the last read").isEqualTo(TaintLevel.CLEAN);
        assertThat(tracker.current(principal).join()).isEqualTo(SessionTaint.CLEAN);
    }

    @Test
    void repeatingAReadExtendsTheWindowButWritesOnlyWhenLessThanTheWindowIsLeft() {
        TaintTracker tracker = instance();
        String key = TaintTracker.valueKey((TaintKey.Principal) principal);
        taint(tracker, principal, "logs__filter_log_events", TaintLevel.WEAK);
        Instant first = store().findValue(key, clock.instant()).join().orElseThrow().expiresAt();
        assertThat(first).isEqualTo(T0.plus(WINDOW).plusSeconds(60));

        clock.advance(Duration.ofSeconds(30));
        taint(tracker, principal, "logs__filter_log_events", TaintLevel.WEAK);
        assertThat(store().findValue(key, clock.instant()).join().orElseThrow().expiresAt()).as("within the margin: no write").isEqualTo(first);

        clock.advance(Duration.ofMinutes(30));
        taint(tracker, principal, "logs__filter_log_events", TaintLevel.WEAK);
        assertThat(store().findValue(key, clock.instant()).join().orElseThrow().expiresAt())
                .isEqualTo(T0.plusSeconds(30).plus(Duration.ofMinutes(30)).plus(WINDOW).plusSeconds(60));
    }

    @Test
    void aTamperedTaintFailsClosed() {
        String key = TaintTracker.valueKey((TaintKey.Principal) principal);
        store().compareAndSetValue(key, null, new SessionStore.StoredValue("{\"level\":\"spotless\"}", T0.plus(WINDOW)), T0).join();
        TaintTracker tracker = instance();

        assertThatThrownBy(() -> tracker.current(principal).join()).hasMessageContaining("taint state is not valid");
        assertThatThrownBy(() -> taint(tracker, principal, "x", TaintLevel.WEAK)).hasMessageContaining("taint state is not valid");
    }

    @Test
    void aSessionKeepsItsOwnTaintApartFromItsPrincipals() {
        String id = UUID.randomUUID().toString();
        store().create(new StoredSession(id, "apikey:alice", Set.of(), "2025-11-25", null, null, T0, T0, T0.plus(WINDOW), Map.of())).join();
        TaintKey session = TaintKey.session(id);
        TaintTracker tracker = instance();

        taint(tracker, session, "logs__filter_log_events", TaintLevel.STRONG);

        assertThat(store().find(id, T0).join().orElseThrow().state()).containsKey(SessionTaint.STATE_KEY);
        assertThat(level(instance(), session)).isEqualTo(TaintLevel.STRONG);
        assertThat(level(tracker, TaintKey.principal("apikey:alice"))).isEqualTo(TaintLevel.CLEAN);
        assertThat(level(tracker, principal)).isEqualTo(TaintLevel.CLEAN);
        assertThat(level(tracker, null)).isEqualTo(TaintLevel.CLEAN);
    }

    @Test
    void aSessionTheStoreDoesNotKeepIsTrackedInThisProcess() {
        TaintKey stdio = TaintKey.session("stdio-" + UUID.randomUUID());
        TaintTracker tracker = instance();

        taint(tracker, stdio, "logs__filter_log_events", TaintLevel.WEAK);

        assertThat(level(tracker, stdio)).isEqualTo(TaintLevel.WEAK);
        assertThat(level(instance(), stdio)).as("another process does not know it").isEqualTo(TaintLevel.CLEAN);
    }
}
