package dev.awsmcp.gateway.ops;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * A logged throwable whose messages (its own, its causes' and its suppressed ones') pass through a
 * cleaning function, since they can quote what a client sent; the stack frames are the gateway's own.
 */
final class CleanThrowableProxy implements IThrowableProxy {

    private final IThrowableProxy proxy;
    private final UnaryOperator<String> clean;

    private CleanThrowableProxy(IThrowableProxy proxy, UnaryOperator<String> clean) {
        this.proxy = proxy;
        this.clean = clean;
    }

    /** {@code proxy} with its messages cleaned by {@code clean}; null stays null. */
    static IThrowableProxy of(IThrowableProxy proxy, UnaryOperator<String> clean) {
        return proxy == null ? null : new CleanThrowableProxy(proxy, clean);
    }

    @Override
    public String getMessage() {
        return clean.apply(proxy.getMessage());
    }

    @Override
    public String getClassName() {
        return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        return of(proxy.getCause(), clean);
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] suppressed = proxy.getSuppressed();
        return suppressed == null ? null : Arrays.stream(suppressed).map(s -> of(s, clean)).toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
        return proxy.isCyclic();
    }
}
