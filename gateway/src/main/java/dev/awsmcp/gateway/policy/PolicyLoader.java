package dev.awsmcp.gateway.policy;

import dev.awsmcp.gateway.config.ConfigException;
import dev.awsmcp.gateway.config.ConfigLoader;
import dev.awsmcp.gateway.config.LimitsConfig;
import dev.awsmcp.gateway.guard.GuardMode;
import dev.awsmcp.gateway.guard.SemanticMode;
import dev.awsmcp.gateway.taint.TaintAction;
import dev.awsmcp.gateway.taint.TaintRules;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.toolset.api.Access;
import dev.awsmcp.toolset.api.NamePattern;
import dev.awsmcp.toolset.support.SessionPolicyDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the policy directory ({@code *.yaml}, one team per file) and validates it as a whole against
 * the configured toolsets: unknown toolset ids, tool names or globs that match no exposed tool, bad
 * access classes, malformed resource patterns, session policies AWS would refuse as too large, duplicate
 * teams and membership rules are reported together, each as {@code file:line: path: problem; fix}. Nothing of an invalid set is used.
 */
public final class PolicyLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyLoader.class);
    private final ConfigLoader yaml = new ConfigLoader(name -> null);
    private final ToolsetRegistry registry;
    private final LimitsConfig gatewayLimits;

    public PolicyLoader(ToolsetRegistry registry, LimitsConfig gatewayLimits) {
        this.registry = registry;
        this.gatewayLimits = gatewayLimits;
    }

    /** Loads {@code dir}; throws {@link ConfigException} listing every problem when anything is invalid. */
    public PolicySet load(Path dir) {
        List<String> problems = new ArrayList<>();
        PolicySet set = load(dir, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.size() + " problem(s) in policy directory " + dir + ":\n  " + String.join("\n  ", problems));
        }
        return set;
    }

    /** Loads {@code dir}, adding every problem to {@code problems}; the result is meaningful only without problems. */
    public PolicySet load(Path dir, List<String> problems) {
        return compile(read(dir, problems), problems);
    }

    /**
     * The policy files of {@code dir} as they are now, with the fingerprint of their names and contents; cheap next to
     * {@link #compile}, so that a poll which finds nothing changed stops here.
     */
    public PolicyFiles read(Path dir, List<String> problems) {
        Map<Path, String> texts = new LinkedHashMap<>();
        MessageDigest digest = dev.awsmcp.gateway.audit.Sha256.digest();
        for (Path file : files(dir, problems)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(file + ": cannot read: " + e.getMessage());
                continue;
            }
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            texts.put(file, text);
        }
        return new PolicyFiles(texts, HexFormat.of().formatHex(digest.digest()));
    }

    /** Compiles and validates {@code files} as a whole, adding every problem to {@code problems}. */
    public PolicySet compile(PolicyFiles files, List<String> problems) {
        List<TeamPolicy> teams = new ArrayList<>();
        Map<String, String> teamFiles = new LinkedHashMap<>();
        files.texts().forEach((file, text) -> {
            TeamPolicy team = compile(file, text, problems);
            if (team == null) {
                return;
            }
            String previous = teamFiles.putIfAbsent(team.team(), file.toString());
            if (previous != null) {
                problems.add(file + ":1: team '" + team.team() + "' is already defined in " + previous + "; one file per team");
            } else {
                teams.add(team);
            }
        });
        return new PolicySet(teams, files.fingerprint());
    }

    /** The policy files of a directory read at one moment: each file's text, and a fingerprint of them all. */
    public record PolicyFiles(Map<Path, String> texts, String fingerprint) {
    }

    private static List<Path> files(Path dir, List<String> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": not a directory; set policies.dir to the directory holding the team policy files");
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isRegularFile(p))
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(dir + ": cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private TeamPolicy compile(Path file, String text, List<String> problems) {
        PolicyFile policy;
        try {
            policy = yaml.bind(yaml.read(file, text), PolicyFile.class, file);
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            return null;
        }
        YamlLocations lines = YamlLocations.of(text);
        int before = problems.size();
        Problems report = (path, message) -> problems.add(file + ":" + lines.line(path) + ": " + path + ": " + message);
        if (policy.team() == null || !policy.team().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            report.add("team", "required: 1-63 characters [a-z0-9-], e.g. payments-oncall");
        }
        checkMembers(policy.members(), report);
        Map<String, Grant> grants = new LinkedHashMap<>();
        if (policy.toolsets() == null || policy.toolsets().isEmpty()) {
            report.add("toolsets", "required: map each toolset id (" + ids() + ") to the tools and resources the team may use");
        } else {
            policy.toolsets().forEach((id, spec) -> {
                Grant grant = grant(file, lines, id, spec, report);
                if (grant != null) {
                    grants.put(id, grant);
                }
            });
        }
        TeamPolicy.TeamLimits limits = limits(policy.limits(), report);
        GuardMode injection = injection(policy.guard(), report);
        SemanticMode semantic = semantic(policy.guard(), report);
        Set<Access> confirm = policy.confirm() == null ? Set.of() : access(policy.confirm(), "confirm", report);
        TaintRules taint = taint(policy.taint(), report);
        return problems.size() > before ? null
                : new TeamPolicy(policy.team(), file.toString(), policy.members(), grants, limits, injection, semantic, confirm, taint);
    }

    /** Adds one problem at a YAML path. */
    @FunctionalInterface
    private interface Problems {
        void add(String path, String message);
    }

    private static void checkMembers(List<PolicyFile.Member> members, Problems report) {
        if (members == null || members.isEmpty()) {
            report.add("members", "required: list who belongs to the team, e.g. [ { group: payments-oncall }, { apiKey: incident-bot } ]");
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            PolicyFile.Member m = members.get(i);
            int set = (m.group() == null ? 0 : 1) + (m.apiKey() == null ? 0 : 1) + (m.principal() == null ? 0 : 1);
            if (set != 1) {
                report.add("members[" + i + "]", "give exactly one of group, apiKey, principal");
            }
        }
    }

    private Grant grant(Path file, YamlLocations lines, String id, PolicyFile.GrantSpec spec, Problems report) {
        String at = "toolsets." + id;
        List<RegisteredTool> tools = registry.tools().stream().filter(t -> t.toolsetId().equals(id)).toList();
        if (registry.instance(id).isEmpty()) {
            report.add(at, "no toolset '" + id + "' is configured; configured ids: " + ids());
            return null;
        }
        if (spec == null || spec.tools() == null || spec.tools().isEmpty()) {
            report.add(at + ".tools", "required: tool names or globs of " + id + ", e.g. [\"*\"] or [query, get_item]");
            return null;
        }
        Set<Access> access = access(spec.access(), at, report);
        List<NamePattern> toolGlobs = new ArrayList<>();
        for (int i = 0; i < spec.tools().size(); i++) {
            String name = spec.tools().get(i);
            if (name == null || !name.matches("[a-z0-9_*]+")) {
                report.add(at + ".tools[" + i + "]", "'" + name + "' is not a tool name or glob ([a-z0-9_*])");
                continue;
            }
            NamePattern glob = new NamePattern(name);
            if (tools.stream().noneMatch(t -> glob.matches(t.spec().name()))) {
                report.add(at + ".tools[" + i + "]", "'" + name + "' matches no tool " + id + " exposes; its tools: "
                        + tools.stream().map(t -> t.spec().name()).toList());
            }
            toolGlobs.add(glob);
        }
        List<NamePattern> resources = new ArrayList<>();
        List<String> patterns = spec.resources() == null ? List.of() : spec.resources();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (pattern == null || pattern.isEmpty() || pattern.length() > 1024 || !pattern.matches("[\\x21-\\x7e]+")) {
                report.add(at + ".resources[" + i + "]", "'" + pattern + "' is not a resource pattern: printable ASCII without spaces, * as wildcard");
                continue;
            }
            resources.add(new NamePattern(pattern));
        }
        String sessionPolicy = Boolean.TRUE.equals(spec.sessionPolicy())
                ? sessionPolicy(registry.instance(id).orElseThrow(), access, resources, at, report) : null;
        return new Grant(id, toolGlobs, access, resources, sessionPolicy, file.getFileName() + ":" + lines.line(at));
    }

    /**
     * Renders a grant's session policy once, here, so that calls never render it and a policy STS would
     * refuse stops the load instead of failing calls.
     */
    private static String sessionPolicy(ToolsetInstance instance, Set<Access> access, List<NamePattern> resources, String at, Problems report) {
        Optional<String> policy = Grant.iamPolicy(instance, access, resources);
        if (policy.isEmpty()) {
            report.add(at + ".sessionPolicy", "toolset " + instance.id() + " (type " + instance.config().type()
                    + ") cannot express these resource patterns as an IAM session policy; remove sessionPolicy or change the patterns");
            return null;
        }
        int length = policy.get().length();
        if (length > SessionPolicyDocument.MAX_CHARACTERS) {
            report.add(at + ".sessionPolicy", "the generated session policy is " + length + " characters; AWS allows "
                    + SessionPolicyDocument.MAX_CHARACTERS + ": use fewer or broader resource patterns");
            return null;
        }
        if (instance.role() == null) {
            LOG.warn("{}.sessionPolicy has no effect: toolset {} has no roleArn, so no role is assumed", at, instance.id());
        }
        return policy.get();
    }

    private static Set<Access> access(List<String> values, String at, Problems report) {
        if (values == null) {
            return EnumSet.of(Access.READ);
        }
        Set<Access> access = EnumSet.noneOf(Access.class);
        for (int i = 0; i < values.size(); i++) {
            try {
                access.add(Access.valueOf(String.valueOf(values.get(i)).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                report.add(at + (at.equals("confirm") ? "" : ".access") + "[" + i + "]", "'" + values.get(i)
                        + "' is not one of read, write, invoke");
            }
        }
        return access;
    }

    private TeamPolicy.TeamLimits limits(PolicyFile.LimitsSpec spec, Problems report) {
        int bytes = gatewayLimits.maxResultBytes();
        int rows = gatewayLimits.maxRows();
        int perMinute = 0;
        if (spec != null) {
            bytes = bounded(spec.maxResultBytes(), bytes, "limits.maxResultBytes", report);
            rows = bounded(spec.maxRows(), rows, "limits.maxRows", report);
            if (spec.callsPerMinute() != null) {
                if (spec.callsPerMinute() < 1 || spec.callsPerMinute() > 100_000) {
                    report.add("limits.callsPerMinute", "must be between 1 and 100000");
                } else {
                    perMinute = spec.callsPerMinute();
                }
            }
        }
        return new TeamPolicy.TeamLimits(bytes, Math.max(rows, 1), perMinute);
    }

    private static TaintRules taint(PolicyFile.TaintSpec spec, Problems report) {
        if (spec == null) {
            return TaintRules.DEFAULT;
        }
        return new TaintRules(taintAction(spec.onFindings(), "taint.onFindings", report),
                taintAction(spec.onUntrusted(), "taint.onUntrusted", report));
    }

    private static TaintAction taintAction(String value, String key, Problems report) {
        if (value == null) {
            return null;
        }
        return TaintAction.parse(value).orElseGet(() -> {
            report.add(key, "'" + value + "' is not one of allow, confirm, deny");
            return null;
        });
    }

    private static GuardMode injection(PolicyFile.GuardSpec spec, Problems report) {
        return mode(spec == null ? null : spec.injection(), GuardMode::parse, GuardMode.FLAG, "guard.injection",
                "flag, neutralize, block (default flag)", report);
    }

    private static SemanticMode semantic(PolicyFile.GuardSpec spec, Problems report) {
        return mode(spec == null ? null : spec.semantic(), SemanticMode::parse, SemanticMode.OFF, "guard.semantic",
                "off, flag, block (default off)", report);
    }

    /** {@code value} parsed, the default when absent, or a problem at {@code path} naming the values allowed. */
    private static <M> M mode(String value, java.util.function.Function<String, java.util.Optional<M>> parse, M absent, String path,
            String allowed, Problems report) {
        if (value == null) {
            return absent;
        }
        return parse.apply(value).orElseGet(() -> {
            report.add(path, "'" + value + "' is not one of " + allowed);
            return absent;
        });
    }

    private static int bounded(Integer value, int gatewayMax, String path, Problems report) {
        if (value == null) {
            return gatewayMax;
        }
        if (value < 1) {
            report.add(path, "must be at least 1");
            return gatewayMax;
        }
        return Math.min(value, gatewayMax);
    }

    private String ids() {
        return registry.instances().stream().map(i -> i.id()).toList().toString();
    }

}
