package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.support.TimeWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatapointBudgetTest {

    private static final Instant END = Instant.parse("2024-11-20T15:00:00Z");
    private static final DatapointBudget FULL = DatapointBudget.forRows(5000);

    private static TimeWindow last(Duration span) {
        return new TimeWindow(END.minus(span), END);
    }

    @Test
    void aDayAtOneMinuteIsTheMostAndTheRowLimitCanLowerIt() {
        assertThat(FULL.maxDatapoints()).isEqualTo(1440);
        assertThat(DatapointBudget.forRows(1000).maxDatapoints()).isEqualTo(1000);
        assertThat(FULL.check(60, last(Duration.ofDays(1)))).isEqualTo(1440);
        assertThat(FULL.check(300, last(Duration.ofDays(5)))).isEqualTo(1440);
        assertThat(FULL.check(60, last(Duration.ofSeconds(61)))).as("a started period counts").isEqualTo(2);
    }

    @Test
    void tooManyDatapointsNameThePeriodThatFitsAndTheLongestWindow() {
        assertThatThrownBy(() -> FULL.check(60, last(Duration.ofDays(7))))
                .hasMessage("the window from 2024-11-13T15:00:00.000Z to 2024-11-20T15:00:00.000Z (7 days) at period 60 s holds 10080 "
                        + "datapoints per statistic; at most 1440 are returned per call: use period 420 or more, or narrow the window to at most 1 day");
        assertThatThrownBy(() -> FULL.check(1, last(Duration.ofHours(1)))).hasMessageContaining("use period 5 or more")
                .hasMessageEndingWith("narrow the window to at most 24 minutes");
    }

    @Test
    void periodsCloudWatchDoesNotTakeAndEmptyWindowsAreRefused() {
        for (int period : new int[] {0, 2, 45, 90, 61}) {
            assertThatThrownBy(() -> FULL.check(period, last(Duration.ofHours(1)))).as("period %d", period)
                    .hasMessageStartingWith("period " + period + " is not one CloudWatch accepts");
        }
        assertThat(FULL.check(10, last(Duration.ofHours(1)))).isEqualTo(360);
        assertThatThrownBy(() -> FULL.check(60, last(Duration.ZERO))).hasMessageEndingWith("is empty; give start earlier than end");
    }
}
