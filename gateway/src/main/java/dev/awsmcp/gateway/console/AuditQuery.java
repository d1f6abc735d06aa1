package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.gateway.audit.AuditOutcome;
import dev.awsmcp.gateway.audit.ErrorKind;
import dev.awsmcp.toolset.support.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The filters of the call list, from the query parameters of {@code /console/api/records}; every one given must hold.
 * Unknown parameters and values outside a closed set are refused naming the parameter, so a typo never reads as
 * "no records". Each condition on an exact value also gives the JSON text that value has in a line, so that lines
 * without it are skipped before they are parsed.
 *
 * @param since records at or after this time; null for no bound
 * @param until records at or before this time; null for no bound
 * @param limit records per page
 * @param cursor where the previous page stopped; null for the newest records
 * @param conditions the other filters
 */
record AuditQuery(Instant since, Instant until, int limit, String cursor, List<Condition> conditions) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final int MAX_VALUE_CHARS = 256;
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:-]+");

    static final List<String> TYPES = List.of("tool_call", "session_start", "session_end", "policy_reload");
    static final List<String> DECISIONS = List.of("allowed", "denied", "refused");
    static final List<String> CONFIRMATIONS = List.of("accepted", "declined", "cancelled", "unsupported");
    static final List<String> TAINT_LEVELS = List.of("weak", "strong");
    static final List<String> OUTCOMES = Arrays.stream(AuditOutcome.values()).map(AuditOutcome::label).toList();
    static final List<String> ERROR_KINDS = Arrays.stream(ErrorKind.values()).map(ErrorKind::label).toList();

    /** The parameters {@link #parse} knows. */
    static final Set<String> PARAMETERS = Set.of("since", "until", "limit", "cursor", "type", "principal", "team", "session", "tool",
            "toolset", "outcome", "errorKind", "decision", "findings", "taint", "confirmation", "requestId");

    /**
     * One filter.
     *
     * @param test whether a record passes
     * @param needle text every passing line contains (a JSON string as the audit writer spells it), or null
     */
    record Condition(Predicate<JsonNode> test, String needle) {
    }

    AuditQuery {
        conditions = List.copyOf(conditions);
    }

    /** Whether the record passes every filter but the time window. */
    boolean matches(JsonNode record) {
        return conditions.stream().allMatch(c -> c.test().test(record));
    }

    /** Whether {@code line} may pass: false only when it lacks text that every passing line has. */
    boolean mayMatch(String line) {
        for (Condition condition : conditions) {
            if (condition.needle() != null && !line.contains(condition.needle())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code time} lies in the window. */
    boolean inWindow(Instant time) {
        return time != null && (since == null || !time.isBefore(since)) && (until == null || !time.isAfter(until));
    }

    /** The query of {@code parameters} (each given once); throws {@link BadConsoleRequestException} naming a bad one. */
    static AuditQuery parse(Map<String, String> parameters) {
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            throw new BadConsoleRequestException("unknown filter " + unknown + "; known: " + new TreeSet<>(PARAMETERS));
        }
        Map<String, String> given = new java.util.HashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name, checked(name, value.trim()));
            }
        });
        List<Condition> conditions = new ArrayList<>();
        String type = given.getOrDefault("type", "tool_call");
        if (!type.equals("any")) {
            conditions.add(equal("type", oneOf("type", type, TYPES, "any")));
        }
        exact(given, "principal", "principal", conditions);
        exact(given, "session", "session_id", conditions);
        exact(given, "tool", "tool", conditions);
        exact(given, "toolset", "toolset", conditions);
        if (given.containsKey("outcome")) {
            conditions.add(equal("outcome", oneOf("outcome", given.get("outcome"), OUTCOMES)));
        }
        if (given.containsKey("errorKind")) {
            conditions.add(equal("error_kind", oneOf("errorKind", given.get("errorKind"), ERROR_KINDS)));
        }
        if (given.containsKey("decision")) {
            conditions.add(equal("decision", oneOf("decision", given.get("decision"), DECISIONS)));
        }
        if (given.containsKey("team")) {
            String team = given.get("team");
            conditions.add(new Condition(r -> team.equals(r.path("team").asText(null)) || contains(r.path("teams"), team), jsonText(team)));
        }
        if (given.containsKey("requestId")) {
            String id = given.get("requestId");
            conditions.add(new Condition(r -> id.equals(r.path("correlation_id").asText(null)) || contains(r.path("aws_request_ids"), id),
                    jsonText(id)));
        }
        RecordFlags.add(given, conditions);
        return new AuditQuery(time(given, "since"), time(given, "until"), limit(given.get("limit")), given.get("cursor"), conditions);
    }

    private static String checked(String name, String value) {
        if (value.length() > MAX_VALUE_CHARS) {
            throw new BadConsoleRequestException(name + ": longer than " + MAX_VALUE_CHARS + " characters");
        }
        return value;
    }

    private static void exact(Map<String, String> given, String parameter, String field, List<Condition> conditions) {
        if (given.containsKey(parameter)) {
            conditions.add(equal(field, given.get(parameter)));
        }
    }

    static Condition equal(String field, String value) {
        return new Condition(r -> value.equals(r.path(field).asText(null)), jsonText(value));
    }

    static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText(null))) {
                return true;
            }
        }
        return false;
    }

    /** {@code value} as a JSON string, as it appears in a line the audit writer wrote. */
    static String jsonText(String value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always JSON", e);
        }
    }

    static String oneOf(String parameter, String value, List<String> allowed, String... more) {
        if (allowed.contains(value) || Arrays.asList(more).contains(value)) {
            return value;
        }
        List<String> all = new ArrayList<>(allowed);
        all.addAll(Arrays.asList(more));
        throw new BadConsoleRequestException(parameter + ": '" + value + "' is not one of " + all);
    }

    static String word(String parameter, String value) {
        if (!WORD.matcher(value).matches()) {
            throw new BadConsoleRequestException(parameter + ": '" + value + "' is not a name; use letters, digits, '-', '_', '.' or ':'");
        }
        return value;
    }

    private static Instant time(Map<String, String> given, String parameter) {
        String value = given.get(parameter);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadConsoleRequestException(parameter + ": '" + value + "' is not a time; use ISO-8601 in UTC, e.g. 2026-01-02T15:04:05Z");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadConsoleRequestException("limit: '" + value + "' is not a number of records from 1 to " + MAX_LIMIT);
    }
}
