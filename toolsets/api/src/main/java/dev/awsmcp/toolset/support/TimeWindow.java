package dev.awsmcp.toolset.support;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time window of the tools that read by time (log events, metrics, alarm history), resolved from the
 * {@code start} and {@code end} arguments against one clock reading, so a model uses one syntax everywhere.
 * Accepted forms: {@code now}; relative {@code -15m}, {@code -2h}, {@code -1d} (units s, m, h, d, w); ISO-8601
 * with an offset ({@code 2024-11-20T14:05:00+01:00}, {@code ...Z}) or without one, read as UTC (a space
 * allowed for {@code T}); a date alone (its midnight UTC); epoch milliseconds. Bounds are kept to the
 * millisecond, CloudWatch's precision, so a cursor carries them exactly.
 *
 * @param start the first instant, or {@code null} for unbounded (only where a tool allows it)
 * @param end the last instant, or {@code null} for unbounded
 */
public record TimeWindow(Instant start, Instant end) {

    private static final Pattern RELATIVE = Pattern.compile("-(\\d{1,6})([smhdw])");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{1,15}");
    /** Below this, a number is far more likely epoch seconds than a 1970s millisecond. */
    private static final long SMALLEST_MILLIS = 100_000_000_000L;
    /** Fixed width, so formatted times sort as text. */
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** Epoch seconds of 0000-01-01T00:00Z and 10000-01-01T00:00Z: the years {@link #format(long)} writes itself. */
    private static final long YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
    private static final long YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400L;

    public TimeWindow {
        start = start == null ? null : start.truncatedTo(ChronoUnit.MILLIS);
        end = end == null ? null : end.truncatedTo(ChronoUnit.MILLIS);
        if (start != null && end != null && start.isAfter(end)) {
            throw new ToolArgumentException("start " + format(start) + " is after end " + format(end)
                    + "; give start earlier than end (for example start \"-2h\", end \"-1h\")");
        }
    }

    /**
     * A bounded window: a missing end is now, a missing start is {@code defaultSpan} before the end.
     *
     * @throws ToolArgumentException when a time does not parse, start is after end, or the window is
     *     longer than {@code maxSpan}
     */
    public static TimeWindow bounded(String start, String end, Instant now, Duration defaultSpan, Duration maxSpan) {
        Instant last = end == null ? now : parse("end", end, now);
        Instant first = start == null ? last.minus(defaultSpan) : parse("start", start, now);
        TimeWindow window = new TimeWindow(first, last);
        if (window.span().compareTo(maxSpan) > 0) {
            throw new ToolArgumentException("the window from " + format(first) + " to " + format(last) + " is longer than "
                    + describe(maxSpan) + "; narrow start and end");
        }
        return window;
    }

    /** A window whose missing bounds stay open. */
    public static TimeWindow open(String start, String end, Instant now) {
        return new TimeWindow(start == null ? null : parse("start", start, now), end == null ? null : parse("end", end, now));
    }

    /** Parses one time argument named {@code name} (for messages). */
    public static Instant parse(String name, String text, Instant now) {
        String value = text.strip();
        if (value.equalsIgnoreCase("now")) {
            return now;
        }
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            return now.minus(unit(relative.group(2)).multipliedBy(Long.parseLong(relative.group(1))));
        }
        if (EPOCH_MILLIS.matcher(value).matches()) {
            long millis = Long.parseLong(value);
            if (millis < SMALLEST_MILLIS) {
                throw new ToolArgumentException(name + " " + value + " looks like epoch seconds; give epoch milliseconds, "
                        + "an ISO-8601 time or a relative time like \"-15m\"");
            }
            return Instant.ofEpochMilli(millis);
        }
        String iso = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + 'T' + value.substring(11) : value;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException notWithOffset) {
            // Try the forms without an offset next.
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException notLocal) {
            // Try a date alone next.
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            throw new ToolArgumentException(name + " \"" + text + "\" is not a time; use \"now\", a relative time like "
                    + "\"-15m\", \"-2h\" or \"-1d\", ISO-8601 like \"2024-11-20T14:05:00Z\", or epoch milliseconds");
        }
    }

    /** The window's length; both bounds must be set. */
    public Duration span() {
        return Duration.between(start, end);
    }

    public long startMillis() {
        return start.toEpochMilli();
    }

    public long endMillis() {
        return end.toEpochMilli();
    }

    /** An instant as fixed-width ISO-8601 UTC with milliseconds, e.g. {@code 2024-11-20T14:05:00.000Z}. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            return ISO_MILLIS.format(instant);
        }
        return format(seconds * 1000 + instant.getNano() / 1_000_000);
    }

    /**
     * {@link #format(Instant)} of epoch milliseconds. Every log event and datapoint of a result is formatted, so years 0 to
     * 9999 (always four digits) are written digit by digit: {@code DateTimeFormatter} allocated more per timestamp than the
     * rest of the event (5% of a full bench run's allocation); other years go through it (sign and more digits).
     */
    public static String format(long epochMillis) {
        if (epochMillis < YEAR_0 * 1000 || epochMillis >= YEAR_10000 * 1000) {
            return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        byte[] text = new byte[24];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, millisOfDay / 3_600_000, 2);
        text[13] = ':';
        digits(text, 14, millisOfDay / 60_000 % 60, 2);
        text[16] = ':';
        digits(text, 17, millisOfDay / 1000 % 60, 2);
        text[19] = '.';
        digits(text, 20, millisOfDay % 1000, 3);
        text[23] = 'Z';
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            case "w" -> Duration.ofDays(7);
            default -> throw new IllegalStateException("unit " + unit);
        };
    }

    /** A span for messages in its largest whole unit: "7 days", "36 hours", "90 minutes", "1 second". */
    public static String describe(Duration span) {
        if (span.toSeconds() % 60 != 0) {
            return count(span.toSeconds(), "second");
        }
        if (span.toMinutes() % 60 != 0) {
            return count(span.toMinutes(), "minute");
        }
        return span.toHours() % 24 == 0 ? count(span.toDays(), "day") : count(span.toHours(), "hour");
    }

    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
