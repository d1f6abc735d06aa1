package dev.awsmcp.gateway.ops;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %msg} of the text format: the message bounded and escaped ({@link LogText}), one line whatever a client sent. */
public final class EscapedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.escape(LogText.message(event));
    }
}
