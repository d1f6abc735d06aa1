package dev.awsmcp.gateway.ops;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %ex} of the text format: the stack trace as usual, with every exception message bounded and
 * escaped ({@link LogText}), so that a message quoting client input cannot forge lines either.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(CleanThrowableProxy.of(proxy,
                message -> LogText.escape(LogText.cut(message, LogText.MAX_MESSAGE_CHARS))));
    }
}
