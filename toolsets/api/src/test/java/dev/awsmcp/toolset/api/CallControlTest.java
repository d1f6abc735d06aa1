package dev.awsmcp.toolset.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallControlTest {

    @Test
    void forwardsOnlyGrowingProgress() {
        List<Long> seen = new ArrayList<>();
        CallControl control = CallControl.reportingTo((progress, total, message) -> seen.add(progress));

        control.progress(0, 10L, "start");
        control.progress(3, 10L, null);
        control.progress(3, 10L, "same again");
        control.progress(2, 10L, "backwards");
        control.progress(7, 10L, null);

        assertThat(seen).containsExactly(0L, 3L, 7L);
    }

    @Test
    void aFailingListenerNeverFailsTheCall() {
        CallControl control = CallControl.reportingTo((progress, total, message) -> {
            throw new IllegalStateException("client gone");
        });

        control.progress(1, null, "still fine");

        assertThat(control.cancelled()).isFalse();
    }

    @Test
    void cancelRunsEachActionOnceAndLateActionsAtOnce() {
        CallControl control = CallControl.silent();
        AtomicInteger early = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        control.onCancel(early::incrementAndGet);

        control.cancel();
        control.cancel();
        control.onCancel(late::incrementAndGet);

        assertThat(control.cancelled()).isTrue();
        assertThat(early).hasValue(1);
        assertThat(late).hasValue(1);
    }

    @Test
    void noProgressAfterCancellation() {
        List<Long> seen = new ArrayList<>();
        CallControl control = CallControl.reportingTo((progress, total, message) -> seen.add(progress));
        control.progress(1, null, null);

        control.cancel();
        control.progress(2, null, null);

        assertThat(seen).containsExactly(1L);
    }
}
