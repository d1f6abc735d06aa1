package dev.awsmcp.gateway.guard;

import java.util.List;
import java.util.Objects;

/**
 * Everything the guard needs to know about one result besides the result itself.
 *
 * @param mode the deciding team's injection mode
 * @param maxResultBytes the team's byte budget of the result JSON (UTF-8); at least 1
 * @param toolset the toolset id, e.g. {@code logs}
 * @param tool the exposed tool name, e.g. {@code logs__filter_log_events}
 * @param resources the resources the call named, as given, e.g. {@code /ecs/payments/api}; may be empty
 * @param semantic the deciding team's semantic detector mode
 * @param verdicts what the semantic detector said about the result's texts ({@link ResultGuard#screen}); none before
 */
public record GuardContext(GuardMode mode, int maxResultBytes, String toolset, String tool, List<String> resources,
        SemanticMode semantic, SemanticVerdicts verdicts) {

    /** The gateway's default byte budget of one result (64 KiB). */
    public static final int DEFAULT_MAX_RESULT_BYTES = 65536;

    public GuardContext {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(toolset, "toolset");
        Objects.requireNonNull(tool, "tool");
        resources = List.copyOf(resources);
        Objects.requireNonNull(semantic, "semantic");
        Objects.requireNonNull(verdicts, "verdicts");
        if (maxResultBytes < 1) {
            throw new IllegalArgumentException("maxResultBytes must be at least 1");
        }
    }

    /** A context with the semantic detector off. */
    public GuardContext(GuardMode mode, int maxResultBytes, String toolset, String tool, List<String> resources) {
        this(mode, maxResultBytes, toolset, tool, resources, SemanticMode.OFF, SemanticVerdicts.NONE);
    }

    /** This context with the semantic detector's {@code verdicts} on the result. */
    public GuardContext withVerdicts(SemanticVerdicts verdicts) {
        return new GuardContext(mode, maxResultBytes, toolset, tool, resources, semantic, verdicts);
    }
}
