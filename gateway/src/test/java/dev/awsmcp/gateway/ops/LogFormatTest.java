package dev.awsmcp.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.LoggingConfig;
import dev.awsmcp.toolset.api.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console log as the gateway's logback.xml sets it up, switched between text and JSON lines. */
class LogFormatTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogFormatTest.class);

    @Test
    void jsonFormatWritesOneObjectPerEventEvenWithAStackTraceAndTextIsBackAfter() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogFormat.use(context, true);
            LOG.warn("audit sink {} failed to flush", "file:audit.jsonl");
            LOG.error("toolset {} failed", "ddb", new IllegalStateException("boom\nsecond line"));
            LogFormat.use(context, false);
            LOG.warn("back to text");
        } finally {
            System.setErr(original);
            LogFormat.use(context, false);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.path("level").asText()).isEqualTo("WARN");
        assertThat(first.path("loggerName").asText()).isEqualTo(LogFormatTest.class.getName());
        assertThat(first.path("formattedMessage").asText()).isEqualTo("audit sink file:audit.jsonl failed to flush");
        assertThat(first.path("timestamp").asLong()).isPositive();
        assertThat(first.has("threadName")).isTrue();
        JsonNode second = Json.mapper().readTree(lines.get(1));
        assertThat(second.at("/throwable/message").asText()).isEqualTo("boom\nsecond line");
        assertThat(lines.get(2)).endsWith("LogFormatTest - back to text").doesNotStartWith("{");
    }

    @Test
    void unknownFormatIsAConfigErrorNamingTheKey() {
        assertThatThrownBy(() -> new LoggingConfig("xml")).isInstanceOf(ConfigException.class)
                .hasMessage("logging.format: 'xml' is not one of [text, json]");
        assertThat(new LoggingConfig(" JSON ").json()).isTrue();
        assertThat(new LoggingConfig(null).format()).isEqualTo("text");
    }
}
