package dev.awsmcp.gateway.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.awsmcp.gateway.config.LoggingConfig;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the console log between {@code text} ({@link LogConfigurator}'s pattern, for people) and {@code json}
 * (logback's own {@link JsonEncoder}: one JSON object per line with timestamp, level, thread, logger,
 * formatted message, MDC and throwable, for log pipelines). Either way client-supplied text is bounded,
 * and in {@code text} escaped, by the encoder ({@link LogText}), so that it cannot forge or flood lines. The environment variable
 * {@value #ENVIRONMENT} (or system property {@value #PROPERTY}) wins over the configuration file, so an
 * operator can switch without editing it.
 */
public final class LogFormat {

    /** Environment variable that overrides {@code logging.format}. */
    public static final String ENVIRONMENT = "GATEWAY_LOG_FORMAT";
    /** System property that overrides {@code logging.format} (and the environment variable). */
    public static final String PROPERTY = "gateway.log.format";
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n%ex";

    private LogFormat() {
    }

    /** Applies the override, if any, else {@code config}; a no-op when logback is not the SLF4J backend. */
    public static void apply(LoggingConfig config) {
        String override = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        LoggingConfig chosen = override == null || override.isBlank() ? config : new LoggingConfig(override);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            use(context, chosen.json());
        }
    }

    /** Puts a text or JSON encoder on every console appender of the root logger. */
    static void use(LoggerContext context, boolean json) {
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                Encoder<ILoggingEvent> encoder = json ? json(context) : text(context);
                appender.stop();
                appender.setEncoder(encoder);
                appender.start();
            }
        }
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new BoundedJsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithKVPList(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    /** The text pattern, with {@code %msg} and {@code %ex} bounded and escaped. */
    static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayout layout = new PatternLayout();
        layout.getInstanceConverterMap().put("msg", EscapedMessageConverter::new);
        layout.getInstanceConverterMap().put("ex", EscapedThrowableConverter::new);
        layout.setContext(context);
        layout.setPattern(TEXT_PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }
}
