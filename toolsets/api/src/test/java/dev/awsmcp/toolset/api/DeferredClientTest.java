package dev.awsmcp.toolset.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A toolset's client built later: requests made before continue once it exists, without waiting; built once; fails and closes cleanly. */
class DeferredClientTest {

    /** Stands in for an AWS async client: answers with its name, counts closes. */
    static final class Client implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();

        CompletableFuture<String> describe(String what) {
            return CompletableFuture.completedFuture("described " + what);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /** A client whose builds {@code builds} counts. */
    private static DeferredClient<Client> counting(AtomicInteger builds) {
        return DeferredClient.of(() -> {
            builds.incrementAndGet();
            return new Client();
        });
    }

    @Test
    void aClaimedClientsRequestsContinueOnceItIsBuiltAndNothingWaits() {
        List<String> builtOn = new CopyOnWriteArrayList<>();
        Client real = new Client();
        DeferredClient<Client> client = DeferredClient.of(() -> {
            builtOn.add(Thread.currentThread().getName());
            return real;
        });
        assertThat(client.claim()).isTrue();
        assertThat(client.claim()).as("claimed once").isFalse();

        CompletableFuture<String> early = client.call(c -> c.describe("orders"));
        assertThat(early).as("not built yet: the request waits for the build, not the caller").isNotDone();
        assertThat(client.isBuilt()).isFalse();

        client.build();
        assertThat(early.join()).isEqualTo("described orders");
        assertThat(client.call(c -> c.describe("again")).join()).isEqualTo("described again");
        assertThat(client.isBuilt()).isTrue();
        assertThat(builtOn).containsExactly(Thread.currentThread().getName());
        client.close();
        assertThat(real.closes).hasValue(1);
    }

    @Test
    void aClientNobodyClaimedIsBuiltOnceByItsFirstCall() {
        AtomicInteger builds = new AtomicInteger();
        DeferredClient<Client> client = counting(builds);
        assertThat(client.call(c -> c.describe("a")).join()).isEqualTo("described a");
        assertThat(client.call(c -> c.describe("b")).join()).isEqualTo("described b");
        assertThat(client.isBuilt()).isTrue();
        assertThat(builds).hasValue(1);
        assertThat(client.claim()).isFalse();
    }

    @Test
    void aFailedBuildFailsEveryRequestWithWhatItThrew() {
        DeferredClient<Client> client = DeferredClient.of(() -> {
            throw new IllegalArgumentException("no such region");
        });
        assertThat(client.claim()).isTrue();
        CompletableFuture<String> early = client.call(c -> c.describe("orders"));
        assertThatThrownBy(client::build).hasMessage("no such region");
        assertThatThrownBy(early::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("no such region");
        assertThatThrownBy(() -> client.call(c -> c.describe("later")).join()).hasRootCauseMessage("no such region");
        assertThat(client.failure()).hasMessage("no such region");
        assertThat(client.isBuilt()).isFalse();
    }

    @Test
    void aBuildThatFailsOnTheFirstCallFailsThatCallsFutureRatherThanThrowing() {
        DeferredClient<Client> client = DeferredClient.of(() -> {
            throw new IllegalStateException("no endpoint");
        });
        CompletableFuture<String> answer = client.call(c -> c.describe("x"));
        assertThat(answer).isCompletedExceptionally();
        assertThatThrownBy(answer::join).hasRootCauseMessage("no endpoint");
    }

    @Test
    void aClientClosedBeforeItWasBuiltIsNeverBuiltAndItsRequestsFail() {
        AtomicInteger builds = new AtomicInteger();
        DeferredClient<Client> client = counting(builds);
        client.close();
        assertThat(client.isClosed()).isTrue();
        assertThat(client.claim()).isFalse();
        assertThatThrownBy(() -> client.call(c -> c.describe("x")).join()).hasRootCauseMessage("the AWS client was closed before it was built");
        assertThat(builds).hasValue(0);
    }

    @Test
    void aClientClosedWhileItIsBuiltIsClosedOnceBuilt() {
        Client real = new Client();
        DeferredClient<Client> client = DeferredClient.of(() -> real);
        assertThat(client.claim()).isTrue();
        client.close();
        client.build();
        assertThat(real.closes).hasValue(1);
    }

    @Test
    void anAlreadyBuiltClientAnswersAtOnce() {
        Client real = new Client();
        DeferredClient<Client> client = DeferredClient.built(real);
        assertThat(client.isBuilt()).isTrue();
        assertThat(client.claim()).isFalse();
        assertThat(client.call(c -> c.describe("t"))).isCompletedWithValue("described t");
        assertThat(client.failure()).isNull();
    }
}
