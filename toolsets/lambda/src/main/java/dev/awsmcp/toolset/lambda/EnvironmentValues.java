package dev.awsmcp.toolset.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awsmcp.toolset.api.ToolsetConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which environment variable values {@code get_function_configuration} shows: only those whose name the
 * operator lists in the toolset option {@code showEnvironment} (names or {@code *} globs, case-sensitive,
 * e.g. {@code [CARD_PROCESSOR_TIMEOUT_MS, "*_TABLE"]}), and of those only values that do not look like a
 * secret ({@link SecretShapes}). Every other value is {@link #REDACTED}. Deny by default: without the
 * option no value is shown.
 */
final class EnvironmentValues {

    /** The option key. */
    static final String OPTION = "showEnvironment";
    /** What a value of a name the operator did not list is replaced with. */
    static final String REDACTED = "[REDACTED]";

    private final List<String> patterns;

    private EnvironmentValues(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The allow-list of {@code config}'s {@code showEnvironment} option; none when absent. */
    static EnvironmentValues of(ToolsetConfig config) {
        JsonNode option = config.options().get(OPTION);
        if (option == null || option.isNull()) {
            return new EnvironmentValues(List.of());
        }
        List<String> patterns = new ArrayList<>();
        if (option.isTextual()) {
            // ${ENV:default} interpolation yields a string: comma-separated names.
            for (String name : option.textValue().split(",")) {
                if (!name.isBlank()) {
                    patterns.add(checked(config, name.strip()));
                }
            }
        } else if (option.isArray()) {
            for (JsonNode name : option) {
                if (!name.isTextual()) {
                    throw invalid(config, name.toString());
                }
                patterns.add(checked(config, name.textValue().strip()));
            }
        } else {
            throw invalid(config, option.toString());
        }
        return new EnvironmentValues(patterns);
    }

    private static String checked(ToolsetConfig config, String pattern) {
        if (pattern.isEmpty() || !pattern.chars().allMatch(c -> c == '*' || c == '_' || Character.isLetterOrDigit(c) && c < 128)) {
            throw invalid(config, "'" + pattern + "'");
        }
        return pattern;
    }

    private static IllegalArgumentException invalid(ToolsetConfig config, String value) {
        return new IllegalArgumentException("toolset " + config.id() + ": option " + OPTION + ": " + value + " is not a variable "
                + "name or glob; give a list of names whose values are not secret, e.g. [CARD_PROCESSOR_TIMEOUT_MS, \"*_TABLE\"]");
    }

    /** The variables sorted by name, each with its value or why it is withheld. */
    Map<String, String> shown(Map<String, String> variables) {
        Map<String, String> shown = new java.util.TreeMap<>();
        variables.forEach((name, value) -> shown.put(name, shown(name, value)));
        return shown;
    }

    private String shown(String name, String value) {
        if (patterns.stream().noneMatch(pattern -> matches(pattern, name))) {
            return REDACTED;
        }
        Optional<String> secret = SecretShapes.kind(value);
        return secret.map(kind -> "[REDACTED: listed in showEnvironment but looks like a secret (" + kind + ")]").orElse(value);
    }

    /** {@code *} matches any run of characters; everything else itself. */
    static boolean matches(String pattern, String name) {
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return pattern.equals(name);
        }
        if (!name.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = name.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return name.length() - at >= last.length() && name.endsWith(last);
    }
}
