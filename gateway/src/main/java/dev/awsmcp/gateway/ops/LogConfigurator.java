package dev.awsmcp.gateway.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The gateway's console log, set up in code (found by logback through {@code META-INF/services}) rather than from
 * an XML file: reading logback.xml took logback's XML parser and Joran, a tenth of the gateway's start. Text lines
 * on stderr (stdout belongs to the MCP stdio transport and to command output), client text bounded and escaped
 * ({@link LogFormat}); {@code dev.awsmcp} at {@code GATEWAY_LOG_LEVEL} (INFO by default), the libraries at WARN. An
 * operator's own file still wins: with {@code -Dlogback.configurationFile} set, logback reads that file instead.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** Environment variable (or system property) with the level of the gateway's own loggers. */
    public static final String LEVEL = "GATEWAY_LOG_LEVEL";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(LogFormat.text(context));
        console.start();
        context.getLogger("io.netty").setLevel(Level.WARN);
        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
        context.getLogger("io.modelcontextprotocol").setLevel(Level.WARN);
        // vertx-micrometer registers its per-server gauges once per event loop; Micrometer warns about the repeats.
        context.getLogger("io.micrometer.core.instrument.MeterRegistry").setLevel(Level.ERROR);
        context.getLogger("dev.awsmcp").setLevel(Level.toLevel(System.getProperty(LEVEL, System.getenv(LEVEL)), Level.INFO));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
