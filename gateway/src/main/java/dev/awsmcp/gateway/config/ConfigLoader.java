package dev.awsmcp.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one loader of YAML configuration: {@code ${NAME:default}} interpolation from the environment,
 * strict binding (unknown keys, duplicate keys and wrong types rejected), and errors that name the
 * file, the key path and the fix.
 */
public final class ConfigLoader {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("config-durations").addDeserializer(Duration.class, new Durations.Deserializer()))
            .build();
    private final UnaryOperator<String> environment;

    /** A loader reading variables from the process environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** A loader reading variables from {@code environment} (returns null for unset names). */
    public ConfigLoader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Loads and validates a gateway configuration file. */
    public GatewayConfig load(Path file) {
        return bind(read(file), GatewayConfig.class, file);
    }

    /** Reads a YAML file into a tree with variables interpolated; the file must hold a mapping. */
    public ObjectNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found; pass an existing file with --config");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(file, text);
    }

    /** Parses {@code text}, the contents of {@code file}, as {@link #read(Path)} does. */
    public ObjectNode read(Path file, String text) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = yaml.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException(file + ": the top level must be a mapping of keys to values");
        }
        try {
            return (ObjectNode) interpolate(tree, "");
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    /** Binds a tree to a record type, translating binding errors into {@link ConfigException}s. */
    public <T> T bind(JsonNode tree, Class<T> type, Path file) {
        try {
            return yaml.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(file + ": " + path(e) + ": unknown key; known keys here: " + known);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw new ConfigException(ce.placed(file, path(e)));
            }
            throw new ConfigException(file + ": " + path(e) + ": " + (cause == null ? e.getOriginalMessage() : cause.getMessage()));
        } catch (InvalidTypeIdException e) {
            throw new ConfigException(file + ": " + path(e) + ".type: " + (e.getTypeId() == null ? "required" : "'" + e.getTypeId()
                    + "' is not a known type") + "; use one of " + AuditSinkConfig.TYPES);
        } catch (MismatchedInputException e) {
            throw new ConfigException(file + ": " + path(e) + ": " + mismatch(e));
        } catch (JsonMappingException e) {
            // What a deserializer of ours refused (a duration), named by the key it was reading.
            if (e.getCause() instanceof ConfigException ce) {
                throw new ConfigException(ce.placed(file, path(e)));
            }
            throw new ConfigException(file + ": " + path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + e.getOriginalMessage());
        }
    }

    /** What is wrong with a value of the wrong type or form. */
    private static String mismatch(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not a valid " + target.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
        return "expected " + describe(target);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return "a duration, e.g. 30s";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping";
    }

    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }

    private JsonNode interpolate(JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.asText();
            String value = substitute(text, path);
            return value.equals(text) ? node : scalar(value);
        }
        if (node.isObject()) {
            ObjectNode copy = yaml.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), interpolate(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = yaml.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(interpolate(node.get(i), path + "[" + i + "]"));
            }
            return copy;
        }
        return node;
    }

    /** An interpolated value is typed as YAML would type it ({@code 8080} a number), but never becomes a structure. */
    private JsonNode scalar(String value) {
        if (value.isEmpty()) {
            return TextNode.valueOf(value);
        }
        try {
            JsonNode parsed = yaml.readTree(value);
            return parsed != null && parsed.isValueNode() && !parsed.isNull() ? parsed : TextNode.valueOf(value);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(value);
        }
    }

    private String substitute(String text, String path) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                throw new ConfigException(path + ": environment variable " + m.group(1)
                        + " is not set; set it or give a default as ${" + m.group(1) + ":default}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
