package dev.awsmcp.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} does; each implementation's test supplies a store with a 60s ttl. */
abstract class SessionStoreContract {

    static final Duration TTL = Duration.ofSeconds(60);
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    abstract SessionStore store();

    static StoredSession session(String id, Instant now) {
        return new StoredSession(id, "apikey:alice", Set.of("payments-oncall", "sre"), "2025-11-25",
                "{\"name\":\"claude\",\"version\":\"1\"}", "{\"roots\":{}}", now, now, SessionStore.expiry(now, TTL), Map.of());
    }

    @Test
    void storedSessionComesBackWhole() {
        String id = UUID.randomUUID().toString();
        store().create(session(id, T0)).join();
        StoredSession found = store().find(id, T0.plusSeconds(1)).join().orElseThrow();
        assertThat(found).isEqualTo(session(id, T0));
    }

    @Test
    void sameIdCannotBeCreatedTwice() {
        String id = UUID.randomUUID().toString();
        store().create(session(id, T0)).join();
        assertThatThrownBy(() -> store().create(session(id, T0)).join()).isNotNull();
    }

    @Test
    void expiredSessionIsNotFoundEvenBeforeItIsRemoved() {
        String id = UUID.randomUUID().toString();
        store().create(session(id, T0)).join();
        assertThat(store().find(id, T0.plus(TTL)).join()).isEmpty();
        assertThat(store().touch(id, T0.plus(TTL)).join()).isFalse();
    }

    @Test
    void touchKeepsTheSessionAlive() {
        String id = UUID.randomUUID().toString();
        store().create(session(id, T0)).join();
        Instant later = T0.plus(TTL).minusSeconds(5);
        assertThat(store().touch(id, later).join()).isTrue();
        assertThat(store().find(id, T0.plus(TTL).plusSeconds(5)).join()).isPresent();
        assertThat(store().find(id, T0.plus(TTL).plusSeconds(5)).join().orElseThrow().updatedAt()).isEqualTo(later);
    }

    @Test
    void deletedSessionIsGone() {
        String id = UUID.randomUUID().toString();
        store().create(session(id, T0)).join();
        assertThat(store().delete(id).join()).isTrue();
        assertThat(store().delete(id).join()).isFalse();
        assertThat(store().find(id, T0).join()).isEmpty();
        assertThat(store().touch(id, T0).join()).isFalse();
    }

    @Test
    void expireRemovesOnlyExpiredSessions() {
        String id = UUID.randomUUID().toString();
        store().create(session(id, T0)).join();
        assertThat(store().expire(id, T0.plusSeconds(1)).join()).isEqualTo(SessionStore.Expiry.LIVE);
        assertThat(store().expire(id, T0.plus(TTL)).join()).isEqualTo(SessionStore.Expiry.REMOVED);
        assertThat(store().expire(id, T0.plus(TTL)).join()).isEqualTo(SessionStore.Expiry.GONE);
    }

    @Test
    void stateChangesOnlyFromTheExpectedValue() {
        String id = UUID.randomUUID().toString();
        store().create(session(id, T0)).join();
        assertThat(store().compareAndSetState(id, "taint", "x", "tainted").join()).isFalse();
        assertThat(store().compareAndSetState(id, "taint", null, "tainted").join()).isTrue();
        assertThat(store().compareAndSetState(id, "taint", null, "again").join()).isFalse();
        assertThat(store().compareAndSetState(id, "taint", "tainted", "clean").join()).isTrue();
        assertThat(store().find(id, T0).join().orElseThrow().state()).containsExactly(Map.entry("taint", "clean"));
        assertThat(store().compareAndSetState("no-such-session", "taint", null, "x").join()).isFalse();
    }

    @Test
    void aValueIsFoundUntilItExpires() {
        String key = "feature#" + UUID.randomUUID();
        Instant expiry = T0.plusSeconds(30);
        assertThat(store().compareAndSetValue(key, null, new SessionStore.StoredValue("v1", expiry), T0).join()).isTrue();

        assertThat(store().findValue(key, T0.plusSeconds(29)).join()).contains(new SessionStore.StoredValue("v1", expiry));
        assertThat(store().findValue(key, expiry).join()).isEmpty();
        assertThat(store().findValue("feature#none", T0).join()).isEmpty();
    }

    @Test
    void aValueChangesOnlyFromTheExpectedOneAndAnExpiredOneCountsAsNone() {
        String key = "feature#" + UUID.randomUUID();
        Instant expiry = T0.plusSeconds(30);
        assertThat(store().compareAndSetValue(key, "v0", new SessionStore.StoredValue("v1", expiry), T0).join()).isFalse();
        assertThat(store().compareAndSetValue(key, null, new SessionStore.StoredValue("v1", expiry), T0).join()).isTrue();
        assertThat(store().compareAndSetValue(key, null, new SessionStore.StoredValue("again", expiry), T0).join()).isFalse();
        assertThat(store().compareAndSetValue(key, "v1", new SessionStore.StoredValue("v2", expiry), T0).join()).isTrue();
        assertThat(store().findValue(key, T0).join().orElseThrow().value()).isEqualTo("v2");

        assertThat(store().compareAndSetValue(key, "v2", new SessionStore.StoredValue("stale", expiry.plusSeconds(60)), expiry).join())
                .as("an expired value is none").isFalse();
        assertThat(store().compareAndSetValue(key, null, new SessionStore.StoredValue("v3", expiry.plusSeconds(60)), expiry).join()).isTrue();
        assertThat(store().findValue(key, expiry).join().orElseThrow().value()).isEqualTo("v3");
    }

    @Test
    void valuesAndSessionsNeverSeeEachOther() {
        String id = UUID.randomUUID().toString();
        store().create(session(id, T0)).join();
        String key = "feature#" + id;
        store().compareAndSetValue(key, null, new SessionStore.StoredValue("v", T0.plus(TTL)), T0).join();

        assertThat(store().findValue(id, T0).join()).as("a session is no value").isEmpty();
        assertThat(store().find(key, T0).join()).as("a value is no session").isEmpty();
        assertThat(store().touch(key, T0).join()).isFalse();
        assertThat(store().compareAndSetState(key, "taint", null, "x").join()).isFalse();
    }
}
