package dev.awsmcp.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The durations operators write in YAML, {@code 250ms}, {@code 30s}, {@code 15m}, {@code 1h}: read by the one
 * {@link Deserializer} the config loader registers for every {@link Duration} key, positive unless the key
 * says {@link MayBeZero}, and written back the same way in messages.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern ZERO = Pattern.compile("0+(ms|s|m|h)?");

    private Durations() {
    }

    /** On a {@link Duration} key that may be zero, written {@code 0}, {@code 0s} or {@code off}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    public @interface MayBeZero {
    }

    /**
     * Reads {@code text} (as written, possibly null).
     *
     * @throws ConfigException for the key being read ({@link ConfigException#at}), naming the forms accepted
     */
    static Duration parse(String text, boolean mayBeZero) {
        String value = text == null ? "" : text.trim();
        if (mayBeZero && (value.equals("off") || ZERO.matcher(value).matches())) {
            return Duration.ZERO;
        }
        Matcher m = SHORT.matcher(value);
        if (!m.matches()) {
            throw ConfigException.at("", "'" + text + "' is not a duration; write e.g. 500ms, 30s, 15m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.isZero()) {
            throw ConfigException.at("", "must be greater than zero");
        }
        return d;
    }

    /** {@code duration} in the largest unit that writes it exactly, e.g. {@code 90s}, {@code 2h}, {@code 250ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** Reads a {@link Duration} key from a string (or a bare number, which names no unit and is refused). */
    static final class Deserializer extends StdScalarDeserializer<Duration> implements ContextualDeserializer {

        private static final long serialVersionUID = 1L;
        private final boolean mayBeZero;

        Deserializer() {
            this(false);
        }

        private Deserializer(boolean mayBeZero) {
            super(Duration.class);
            this.mayBeZero = mayBeZero;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean zero = property != null && property.getAnnotation(MayBeZero.class) != null;
            return zero == mayBeZero ? this : new Deserializer(zero);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (mayBeZero && parser.hasToken(JsonToken.VALUE_FALSE)) {
                return Duration.ZERO; // YAML reads an unquoted off as false
            }
            if (!parser.hasToken(JsonToken.VALUE_STRING) && !parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            return parse(parser.getValueAsString(), mayBeZero);
        }
    }
}
