package dev.awsmcp.gateway.transport;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a body that is not JSON, in the client's terms: the parser's own sentence where
 * it is plain ("Unexpected end-of-input: expected close marker for Object"), with the line and column,
 * and never the parser's class, feature or source names.
 */
final class JsonSyntaxErrors {

    /** Text that only a Java reader understands: a class, feature or source reference. */
    private static final Pattern INTERNALS = Pattern.compile("`|\\$|\\[Source|\\bjava\\.|com\\.fasterxml|Feature|JsonNode|Exception");

    private JsonSyntaxErrors() {
    }

    /** What is wrong, e.g. "Unexpected character ('x' (code 120)): expected a valid value ... (line 1, column 12)". */
    static String describe(JsonProcessingException e) {
        String where = where(e.getLocation());
        if (e instanceof StreamConstraintsException) {
            return limit(e.getOriginalMessage()) + where;
        }
        String message = firstLine(e.getOriginalMessage());
        int marker = message.indexOf(" (start marker at");
        if (marker > 0) {
            message = message.substring(0, marker);
        }
        if (message.startsWith("Trailing token")) {
            message = "more data after the JSON message; send exactly one JSON object";
        }
        if (INTERNALS.matcher(message).find()) {
            message = "malformed JSON";
        }
        return message + where;
    }

    /** A JSON size limit, named in the client's terms. */
    private static String limit(String message) {
        String text = message == null ? "" : message;
        if (text.contains("nesting depth")) {
            return "JSON nested too deeply (at most 200 levels)";
        }
        if (text.contains("Number value length")) {
            return "a number has too many digits (at most 1000)";
        }
        if (text.contains("String value length")) {
            return "a string is too long";
        }
        return "the JSON exceeds a size limit";
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
