package dev.awsmcp.gateway.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Logback's {@link JsonEncoder} (which escapes every control character as JSON asks) over events whose
 * message and exception messages are bounded ({@link LogText}), so that no client-supplied text makes a
 * line of megabytes. Characters are kept as sent: JSON lines cannot be forged by them.
 */
final class BoundedJsonEncoder extends JsonEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        return super.encode(new Bounded(event));
    }

    /** The event with its formatted message and exception messages bounded; everything else as it is. */
    private record Bounded(ILoggingEvent event) implements ILoggingEvent {

        @Override
        public String getFormattedMessage() {
            return LogText.message(event);
        }

        @Override
        public String getMessage() {
            return LogText.cut(event.getMessage(), LogText.MAX_MESSAGE_CHARS);
        }

        @Override
        public Object[] getArgumentArray() {
            return null;
        }

        @Override
        public IThrowableProxy getThrowableProxy() {
            return CleanThrowableProxy.of(event.getThrowableProxy(), message -> LogText.cut(message, LogText.MAX_MESSAGE_CHARS));
        }

        @Override
        public String getThreadName() {
            return event.getThreadName();
        }

        @Override
        public Level getLevel() {
            return event.getLevel();
        }

        @Override
        public String getLoggerName() {
            return event.getLoggerName();
        }

        @Override
        public LoggerContextVO getLoggerContextVO() {
            return event.getLoggerContextVO();
        }

        @Override
        public StackTraceElement[] getCallerData() {
            return event.getCallerData();
        }

        @Override
        public boolean hasCallerData() {
            return event.hasCallerData();
        }

        @Override
        public List<Marker> getMarkerList() {
            return event.getMarkerList();
        }

        @Override
        public Map<String, String> getMDCPropertyMap() {
            return event.getMDCPropertyMap();
        }

        @Override
        @SuppressWarnings("deprecation")
        public Map<String, String> getMdc() {
            return event.getMdc();
        }

        @Override
        public long getTimeStamp() {
            return event.getTimeStamp();
        }

        @Override
        public int getNanoseconds() {
            return event.getNanoseconds();
        }

        @Override
        public Instant getInstant() {
            return event.getInstant();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }

        @Override
        public List<KeyValuePair> getKeyValuePairs() {
            return event.getKeyValuePairs();
        }

        @Override
        public void prepareForDeferredProcessing() {
            event.prepareForDeferredProcessing();
        }
    }
}
