package dev.awsmcp.toolset.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private static final Instant NOW = Instant.parse("2024-11-20T15:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MONTH = Duration.ofDays(30);

    @Test
    void readsRelativeTimesBackFromNow() {
        assertThat(TimeWindow.parse("start", "-15m", NOW)).isEqualTo(Instant.parse("2024-11-20T14:45:00Z"));
        assertThat(TimeWindow.parse("start", "-2h", NOW)).isEqualTo(Instant.parse("2024-11-20T13:00:00Z"));
        assertThat(TimeWindow.parse("start", "-1d", NOW)).isEqualTo(Instant.parse("2024-11-19T15:00:00Z"));
        assertThat(TimeWindow.parse("start", "-30s", NOW)).isEqualTo(Instant.parse("2024-11-20T14:59:30Z"));
        assertThat(TimeWindow.parse("start", "-1w", NOW)).isEqualTo(Instant.parse("2024-11-13T15:00:00Z"));
        assertThat(TimeWindow.parse("end", "now", NOW)).isEqualTo(NOW);
        assertThat(TimeWindow.parse("end", " NOW ", NOW)).isEqualTo(NOW);
    }

    @Test
    void readsIsoWithAndWithoutOffsetAsUtcWhenNoneIsGiven() {
        assertThat(TimeWindow.parse("start", "2024-11-20T14:05:00Z", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
        assertThat(TimeWindow.parse("start", "2024-11-20T15:05:00+01:00", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
        assertThat(TimeWindow.parse("start", "2024-11-20T14:05:00.250Z", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00.250Z"));
        assertThat(TimeWindow.parse("start", "2024-11-20T14:05:00", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
        assertThat(TimeWindow.parse("start", "2024-11-20T14:05", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
        assertThat(TimeWindow.parse("start", "2024-11-20 14:05:00", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
        assertThat(TimeWindow.parse("start", "2024-11-20", NOW)).isEqualTo(Instant.parse("2024-11-20T00:00:00Z"));
    }

    @Test
    void readsEpochMillisAndRefusesWhatLooksLikeSeconds() {
        assertThat(TimeWindow.parse("start", "1732111500000", NOW)).isEqualTo(Instant.parse("2024-11-20T14:05:00Z"));
        assertThatThrownBy(() -> TimeWindow.parse("start", "1732111500", NOW))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("looks like epoch seconds");
    }

    @Test
    void refusesTextThatIsNoTimeWithTheAcceptedForms() {
        assertThatThrownBy(() -> TimeWindow.parse("start", "yesterday", NOW))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageStartingWith("start \"yesterday\" is not a time")
                .hasMessageContaining("\"-15m\"");
        assertThatThrownBy(() -> TimeWindow.parse("end", "-15x", NOW)).isInstanceOf(ToolArgumentException.class);
        assertThatThrownBy(() -> TimeWindow.parse("end", "15m", NOW)).isInstanceOf(ToolArgumentException.class);
    }

    @Test
    void boundedWindowDefaultsToTheHourBeforeTheEnd() {
        assertThat(TimeWindow.bounded(null, null, NOW, HOUR, MONTH))
                .isEqualTo(new TimeWindow(Instant.parse("2024-11-20T14:00:00Z"), NOW));
        assertThat(TimeWindow.bounded(null, "-2h", NOW, HOUR, MONTH))
                .isEqualTo(new TimeWindow(Instant.parse("2024-11-20T12:00:00Z"), Instant.parse("2024-11-20T13:00:00Z")));
        assertThat(TimeWindow.bounded("-3h", null, NOW, HOUR, MONTH))
                .isEqualTo(new TimeWindow(Instant.parse("2024-11-20T12:00:00Z"), NOW));
    }

    @Test
    void refusesAStartAfterTheEnd() {
        assertThatThrownBy(() -> TimeWindow.bounded("-1h", "-2h", NOW, HOUR, MONTH))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessage("start 2024-11-20T14:00:00.000Z is after end 2024-11-20T13:00:00.000Z; "
                        + "give start earlier than end (for example start \"-2h\", end \"-1h\")");
        assertThatThrownBy(() -> TimeWindow.open("2024-11-21", "2024-11-20", NOW)).isInstanceOf(ToolArgumentException.class);
    }

    @Test
    void refusesWindowsLongerThanTheBound() {
        assertThat(TimeWindow.bounded("-30d", null, NOW, HOUR, MONTH).start()).isEqualTo(Instant.parse("2024-10-21T15:00:00Z"));
        assertThatThrownBy(() -> TimeWindow.bounded("-31d", null, NOW, HOUR, MONTH))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("longer than 30 days; narrow start and end");
    }

    @Test
    void openWindowKeepsMissingBoundsOpen() {
        TimeWindow window = TimeWindow.open(null, "-1h", NOW);

        assertThat(window.start()).isNull();
        assertThat(window.end()).isEqualTo(Instant.parse("2024-11-20T14:00:00Z"));
    }

    @Test
    void formatsFixedWidthUtcWithMilliseconds() {
        assertThat(TimeWindow.format(Instant.parse("2024-11-20T14:05:00Z"))).isEqualTo("2024-11-20T14:05:00.000Z");
        assertThat(TimeWindow.format(1732111500123L)).isEqualTo("2024-11-20T14:05:00.123Z");
    }

    /** The digit-by-digit path writes what the formatter writes, across the years it covers and at their edges. */
    @Test
    void formattingIsTheFormattersTextForEveryYearAndMillisecond() {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
                .withZone(java.time.ZoneOffset.UTC);
        long first = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        java.util.Random random = new java.util.Random(20261208);
        java.util.List<Long> samples = new java.util.ArrayList<>(java.util.List.of(first, last, first - 1, last + 1, 0L, -1L, 1L,
                Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli(), Instant.parse("1969-12-31T23:59:59.999Z").toEpochMilli(),
                Long.MAX_VALUE / 1000, Long.MIN_VALUE / 1000));
        for (int i = 0; i < 20_000; i++) {
            samples.add(first + (long) (random.nextDouble() * (last - first)));
        }
        for (long millis : samples) {
            Instant instant = Instant.ofEpochMilli(millis);
            assertThat(TimeWindow.format(millis)).as("%d", millis).isEqualTo(formatter.format(instant));
            assertThat(TimeWindow.format(instant.plusNanos(999_999))).as("%d", millis).isEqualTo(formatter.format(instant));
        }
        assertThat(TimeWindow.format(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00.000Z");
    }
}
