package dev.awsmcp.gateway.toolset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.toolset.ArgumentValidator;
import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.config.ToolsetEntry;
import dev.awsmcp.gateway.identity.RoleConfig;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.ToolSpec;
import dev.awsmcp.toolset.api.Toolset;
import dev.awsmcp.toolset.api.ToolsetConfig;
import dev.awsmcp.toolset.api.ToolsetContext;
import dev.awsmcp.toolset.api.ToolsetFactory;
import dev.awsmcp.toolset.support.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;

/**
 * The configured toolset instances and the tools they expose, built once at startup. Startup fails
 * with a message naming the config entry on an unknown or duplicate type, a duplicate id, an unknown
 * key, or a tool name that is too long, has characters clients reject, or collides with another.
 * Deny by default: an instance exposes only its READ tools unless its {@code access} list names
 * {@code write} or {@code invoke}.
 */
public final class ToolsetRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ToolsetRegistry.class);
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern RESOURCE_KIND = Pattern.compile("[a-z][a-z0-9-]*");

    private final List<ToolsetInstance> instances;
    private final Map<String, RegisteredTool> tools;

    private ToolsetRegistry(List<ToolsetInstance> instances, Map<String, RegisteredTool> tools) {
        this.instances = List.copyOf(instances);
        this.tools = Collections.unmodifiableMap(tools);
    }

    /** Discovers factories on the class path and creates every configured instance. */
    public static ToolsetRegistry create(GatewayConfig config, ToolsetContext context) {
        return create(config, context, discoverFactories());
    }

    /** Creates every configured instance with the given factories, keyed by type. */
    public static ToolsetRegistry create(GatewayConfig config, ToolsetContext context, Map<String, ToolsetFactory> factories) {
        List<ToolsetInstance> instances = new ArrayList<>();
        Map<String, RegisteredTool> tools = new LinkedHashMap<>();
        Map<String, String> ids = new TreeMap<>();
        String separator = config.toolNames().separator();
        try {
            for (int i = 0; i < config.toolsets().size(); i++) {
                String where = "toolsets[" + i + "]";
                ToolsetEntry entry = config.toolsets().get(i);
                ToolsetFactory factory = factories.get(entry.type());
                if (factory == null) {
                    throw new ConfigException(where + ".type: unknown toolset type '" + entry.type() + "'; available types: "
                            + factories.keySet());
                }
                ToolsetConfig toolsetConfig = toolsetConfig(entry, where, factory.optionKeys(), separator);
                String previous = ids.putIfAbsent(toolsetConfig.id(), where);
                if (previous != null) {
                    throw new ConfigException(where + ".id: '" + toolsetConfig.id() + "' is already used by " + previous + "; ids must be unique");
                }
                RoleConfig role = entry.roleArn() == null ? null
                        : new RoleConfig(entry.roleArn(), entry.externalId(), entry.roleSessionDuration());
                ToolsetInstance instance = new ToolsetInstance(toolsetConfig, entry.accountId(), entry.accessClasses(), role,
                        create(factory, toolsetConfig, context, where));
                instances.add(instance);
                register(instance, where, config, tools);
            }
        } catch (RuntimeException e) {
            instances.forEach(ToolsetRegistry::closeQuietly);
            throw e;
        }
        LOG.info("{} toolset(s), {} tool(s): {}", instances.size(), tools.size(), tools.keySet());
        return new ToolsetRegistry(instances, tools);
    }

    /**
     * What the factory gets: the entry's common keys, and its other keys as options when the factory declares them
     * all. The id must not contain the tool name separator, which would make tool names ambiguous.
     */
    private static ToolsetConfig toolsetConfig(ToolsetEntry entry, String where, Set<String> optionKeys, String separator) {
        if (entry.id().contains(separator)) {
            throw new ConfigException(where + ".id: '" + entry.id() + "' must not contain the tool name separator '" + separator + "'");
        }
        Set<String> unknown = new TreeSet<>(entry.options().keySet());
        unknown.removeAll(optionKeys);
        if (!unknown.isEmpty()) {
            Set<String> known = new TreeSet<>(ToolsetEntry.COMMON_KEYS);
            known.addAll(optionKeys);
            throw new ConfigException(where + ": unknown key(s) " + unknown + " for toolset type '" + entry.type()
                    + "'; known keys: " + known);
        }
        ObjectNode options = Json.object();
        options.setAll(entry.options());
        return new ToolsetConfig(entry.id(), entry.type(), Region.of(entry.region()), entry.endpointUri(), options, separator,
                entry.bareNames());
    }

    private static Toolset create(ToolsetFactory factory, ToolsetConfig config, ToolsetContext context, String where) {
        try {
            return factory.create(config, context);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + " (id " + config.id() + "): " + e.getMessage(), e);
        }
    }

    private static void register(ToolsetInstance instance, String where, GatewayConfig config, Map<String, RegisteredTool> tools) {
        String id = instance.id();
        Set<Access> access = instance.access();
        List<ToolSpec> specs = instance.toolset().tools();
        if (specs == null || specs.isEmpty()) {
            throw new ConfigException(where + " (id " + id + "): the toolset declares no tools");
        }
        Set<String> kinds = declaredKinds(instance, where);
        List<String> hidden = new ArrayList<>();
        for (ToolSpec spec : specs) {
            if (!kinds.containsAll(spec.resourceKinds())) {
                throw new ConfigException(where + " (id " + id + "): tool '" + spec.name() + "' names resource kinds "
                        + spec.resourceKinds() + " but the toolset declares only " + kinds + " (Toolset.resourceKinds()); "
                        + "this is a bug of toolset type '" + instance.config().type() + "'");
            }
            if (!access.contains(spec.access())) {
                hidden.add(spec.name());
                continue;
            }
            String name = instance.config().exposedName(spec.name());
            if (name.length() > config.toolNames().maxLength() || !TOOL_NAME.matcher(name).matches()) {
                throw new ConfigException(where + " (id " + id + "): tool name '" + name + "' must be at most "
                        + config.toolNames().maxLength() + " characters of [A-Za-z0-9_-]; choose a shorter toolset id");
            }
            ArgumentValidator validator;
            try {
                validator = ArgumentValidator.compile(spec.inputSchema());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + " (id " + id + "): tool '" + spec.name() + "': " + e.getMessage(), e);
            }
            RegisteredTool previous = tools.putIfAbsent(name, new RegisteredTool(name, instance, spec, validator));
            if (previous != null) {
                throw new ConfigException(where + " (id " + id + "): tool name '" + name + "' collides with a tool of toolset '"
                        + previous.toolsetId() + "'; rename one toolset id (or set bareNames: false)");
            }
        }
        if (!hidden.isEmpty()) {
            LOG.info("toolset {}: not exposing {} (access {}; add write or invoke to {}.access to expose them)",
                    id, hidden, access, where);
        }
    }

    /** The names of the instance's resource kinds, refusing malformed or duplicate ones. */
    private static Set<String> declaredKinds(ToolsetInstance instance, String where) {
        Set<String> names = new java.util.TreeSet<>();
        for (var kind : instance.toolset().resourceKinds()) {
            if (kind == null || kind.name() == null || !RESOURCE_KIND.matcher(kind.name()).matches() || !names.add(kind.name())) {
                throw new ConfigException(where + " (id " + instance.id() + "): resource kind '" + (kind == null ? null : kind.name())
                        + "' is missing, malformed ([a-z][a-z0-9-]*) or declared twice; this is a bug of toolset type '"
                        + instance.config().type() + "'");
            }
        }
        return names;
    }

    /** Loads every {@link ToolsetFactory} on the class path; a broken provider or duplicate type stops startup. */
    public static Map<String, ToolsetFactory> discoverFactories() {
        Map<String, ToolsetFactory> factories = new TreeMap<>();
        try {
            for (ToolsetFactory factory : ServiceLoader.load(ToolsetFactory.class)) {
                ToolsetFactory previous = factories.putIfAbsent(factory.type(), factory);
                if (previous != null) {
                    throw new ConfigException("two toolset factories declare type '" + factory.type() + "': "
                            + previous.getClass().getName() + " and " + factory.getClass().getName() + "; remove one jar");
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigException("a toolset factory on the class path cannot be loaded: " + e.getMessage(), e);
        }
        return factories;
    }

    /** Every exposed tool, in configuration order. */
    public List<RegisteredTool> tools() {
        return List.copyOf(tools.values());
    }

    /** The tool exposed under {@code name}, if any. */
    public Optional<RegisteredTool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** The toolset instances, in configuration order. */
    public List<ToolsetInstance> instances() {
        return instances;
    }

    /** The instance with this id, if configured. */
    public Optional<ToolsetInstance> instance(String id) {
        return instances.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    @Override
    public void close() {
        instances.forEach(ToolsetRegistry::closeQuietly);
    }

    private static void closeQuietly(ToolsetInstance instance) {
        try {
            instance.toolset().close();
        } catch (RuntimeException e) {
            LOG.warn("closing toolset {} failed", instance.id(), e);
        }
    }
}
