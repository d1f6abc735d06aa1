package dev.awsmcp.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread makes true; fails the test when it is still false after the wait. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every 10 ms for at most 10 seconds. */
    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(condition.getAsBoolean()).as("condition still false after 10 s").isTrue();
    }
}
