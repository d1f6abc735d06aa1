package dev.awsmcp.gateway.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Arrays;
import org.slf4j.helpers.MessageFormatter;

/**
 * What a log line may carry of the text it is given: log arguments (which carry what clients send:
 * names, ids, header values) are cut at {@value #MAX_ARGUMENT_CHARS} characters and whole messages at
 * {@value #MAX_MESSAGE_CHARS}, each cut marked; in the {@code text} format every character that could
 * forge or hide a line is escaped ({@link #escape}). Applied once, by the encoders of both formats
 * ({@link LogFormat}), not at each call site.
 */
public final class LogText {

    /** The longest log argument kept whole (operators' own lists, such as a policy's problems, fit). */
    public static final int MAX_ARGUMENT_CHARS = 4096;
    /** The longest message (after its arguments were filled in) kept whole. */
    public static final int MAX_MESSAGE_CHARS = 16_384;

    private LogText() {
    }

    /** The event's message with its arguments filled in, each argument and the whole cut to their bounds. */
    public static String message(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        if (arguments == null || arguments.length == 0) {
            return cut(event.getFormattedMessage(), MAX_MESSAGE_CHARS);
        }
        Object[] bounded = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            bounded[i] = cut(argument instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(argument), MAX_ARGUMENT_CHARS);
        }
        return cut(MessageFormatter.basicArrayFormat(event.getMessage(), bounded), MAX_MESSAGE_CHARS);
    }

    /** {@code text} when at most {@code max} characters long, else its first {@code max} and a marker with the length; null stays null. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…[truncated: " + text.length() + " chars]";
    }

    /**
     * {@code text} with every character that could end, forge or hide a line escaped: control characters
     * (C0, DEL, C1; {@code \n}, {@code \r} and {@code \t} as such, the others as {@code \}{@code uXXXX}), the
     * line and paragraph separators, format characters (bidi controls, zero-width characters, tag
     * characters) and unpaired surrogates; everything else is kept. Null stays null.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !escaped(text, i)) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!escaped(text, i)) {
                out.appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c <= 0xFFFF) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.append(String.format("\\u{%X}", c));
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static boolean escaped(String text, int index) {
        int type = Character.getType(text.codePointAt(index));
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
