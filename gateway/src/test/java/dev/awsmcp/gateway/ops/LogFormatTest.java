package dev.awsmcp.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.LoggingConfig;
import dev.awsmcp.toolset.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console log as the gateway's LogConfigurator sets it up, switched between text and JSON lines. */
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

    /** Runs {@code logging} with the console in {@code json} or text format and returns what it wrote. */
    private static List<String> captured(boolean json, Runnable logging) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogFormat.use(context, json);
            logging.run();
        } finally {
            System.setErr(original);
            LogFormat.use(context, false);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void textFormatEscapesWhatCouldForgeOrHideALine() {
        String forged = "evil\n06:31:09.118 INFO  [main] d.a.g.s.HttpGateway - admin logged in\r\u2028\u202E\u0000\u0085\u200B\uDB40\uDC01";
        List<String> lines = captured(false, () -> {
            LOG.info("session {} started by {} ({})", "s-1", "apikey:test", forged);
            LOG.warn("failed", new IllegalStateException("boom\n06:31:09.118 INFO  forged exception line"));
        });
        assertThat(lines.get(0)).endsWith("session s-1 started by apikey:test (evil\\n06:31:09.118 INFO  [main] d.a.g.s.HttpGateway - admin logged "
                + "in\\r\\u2028\\u202E\\u0000\\u0085\\u200B\\u{E0001})");
        assertThat(lines.get(1)).endsWith("LogFormatTest - failed");
        assertThat(lines.get(2)).isEqualTo("java.lang.IllegalStateException: boom\\n06:31:09.118 INFO  forged exception line");
        assertThat(lines.subList(3, lines.size())).allSatisfy(line -> assertThat(line).startsWith("\t"));
    }

    @Test
    void bothFormatsBoundEachArgumentAndTheMessage() throws Exception {
        String huge = "n".repeat(1_048_576);
        for (boolean json : new boolean[] {false, true}) {
            List<String> lines = captured(json, () -> {
                LOG.info("session {} started by {} ({} {})", "s-1", "apikey:test", huge, "1.0");
                LOG.info(huge);
            });
            assertThat(lines).as("json " + json).hasSize(2);
            String first = json ? Json.mapper().readTree(lines.get(0)).path("formattedMessage").asText() : lines.get(0);
            assertThat(first).contains("(" + "n".repeat(LogText.MAX_ARGUMENT_CHARS) + "…[truncated: 1048576 chars] 1.0)");
            assertThat(lines.get(1).length()).isLessThan(LogText.MAX_MESSAGE_CHARS + 300);
            assertThat(lines.get(1)).contains("…[truncated: 1048576 chars]");
        }
    }

    @Test
    void jsonFormatKeepsControlCharactersAsJsonEscapesOnOneLine() throws Exception {
        String sent = "evil\n{\"level\":\"ERROR\"}\r\u2028\u0000\u202E";
        List<String> lines = captured(true, () -> LOG.info("client {}", sent));
        assertThat(lines).hasSize(1);
        assertThat(Json.mapper().readTree(lines.get(0)).path("formattedMessage").asText()).isEqualTo("client " + sent);
    }

    @Test
    void unknownFormatIsAConfigErrorNamingTheKey() {
        assertThatThrownBy(() -> new LoggingConfig("xml")).isInstanceOf(ConfigException.class)
                .hasMessage("logging.format: 'xml' is not one of [text, json]");
        assertThat(new LoggingConfig(" JSON ").json()).isTrue();
        assertThat(new LoggingConfig(null).format()).isEqualTo("text");
    }
}
