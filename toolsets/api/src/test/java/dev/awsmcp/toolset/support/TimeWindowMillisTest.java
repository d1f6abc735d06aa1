package dev.awsmcp.toolset.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowMillisTest {

    private static final Instant NOW = Instant.parse("2024-11-20T15:00:00.123456Z");

    @Test
    void readsTheLogsToolsetsTimeForms() {
        assertThat(TimeWindow.parse("start", "now", NOW)).isEqualTo(NOW);
        assertThat(TimeWindow.parse("start", "-15m", NOW)).isEqualTo(NOW.minusSeconds(900));
        assertThat(TimeWindow.parse("start", "-1w", NOW)).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(TimeWindow.parse("start", "2024-11-20T14:05:00Z", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
        assertThat(TimeWindow.parse("start", "2024-11-20T15:05:00+01:00", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
        assertThat(TimeWindow.parse("start", "2024-11-20 14:05", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
        assertThat(TimeWindow.parse("start", "2024-11-20", NOW)).isEqualTo(Instant.parse("2024-11-20T00:00:00Z"));
        assertThat(TimeWindow.parse("start", "1732111500000", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
    }

    @Test
    void refusesEpochSecondsGarbageAndReversedWindows() {
        assertThatThrownBy(() -> TimeWindow.parse("start", "1732111500", NOW)).isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("looks like epoch seconds");
        assertThatThrownBy(() -> TimeWindow.parse("end", "yesterday", NOW)).hasMessageStartingWith("end \"yesterday\" is not a time");
        assertThatThrownBy(() -> TimeWindow.bounded("-1h", "-2h", NOW, Duration.ofHours(3), Duration.ofDays(7)))
                .hasMessageContaining("is after end").hasMessageContaining("give start earlier than end");
    }

    @Test
    void defaultsAndBoundsTheWindowToTheMillisecond() {
        TimeWindow window = TimeWindow.bounded(null, null, NOW, Duration.ofHours(3), Duration.ofDays(7));

        assertThat(window.end()).isEqualTo(Instant.parse("2024-11-20T15:00:00.123Z"));
        assertThat(window.span()).isEqualTo(Duration.ofHours(3));
        assertThatThrownBy(() -> TimeWindow.bounded("-8d", null, NOW, Duration.ofHours(3), Duration.ofDays(7)))
                .hasMessage("the window from 2024-11-12T15:00:00.123Z to 2024-11-20T15:00:00.123Z is longer than 7 days; narrow start and end");
        assertThat(TimeWindow.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(TimeWindow.describe(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(TimeWindow.describe(Duration.ofSeconds(61))).isEqualTo("61 seconds");
    }
}
