package dev.awsmcp.toolset.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One configured instance of a toolset, serving the tools of one AWS service in one region.
 * Created by {@link ToolsetFactory#create} at startup, used concurrently by many calls, closed once at
 * shutdown. Implementations must be thread-safe and must never block the calling thread: every AWS
 * request goes through an SDK async client.
 */
public interface Toolset extends AutoCloseable {

    /** The tools this instance serves; fixed for the instance's lifetime, never empty. */
    List<ToolSpec> tools();

    /**
     * Runs one call. The gateway has already resolved the tool, validated the arguments against its
     * schema and authorized every resource {@link ToolSpec#resources()} named. AWS errors complete the
     * stage normally with a {@link ToolResult.Failure}; an exceptional completion is treated as a bug.
     */
    CompletionStage<ToolResult> call(ToolCall call, CallContext context);

    /**
     * The kinds of resource this instance's tools name ({@link ToolSpec#resourceKinds()}): how their
     * identifiers canonicalize and how policy patterns cover them. Fixed; the default is none (tools that
     * name no resources).
     */
    default List<ResourceKind> resourceKinds() {
        return List.of();
    }

    /** Checks that the service is reachable with the given context's credentials, without side effects. */
    CompletionStage<Health> check(CallContext context);

    /**
     * The IAM session policy, as compact JSON, that allows exactly the AWS actions this instance's tools of
     * the request's access classes use, on resources matching the request's patterns, so that IAM
     * enforces the gateway's boundary too. Called when policies are loaded, never per call; must be pure
     * (no AWS calls). Empty when the toolset cannot express the patterns in IAM, which the gateway
     * reports as a policy problem. The default is empty.
     */
    default Optional<String> sessionPolicy(SessionPolicyRequest request) {
        return Optional.empty();
    }

    /**
     * Usage notes for the model, in Markdown: what the tools are for, how to keep results small, pointers
     * to the query syntax they take. Served as a resource; static; the default is none.
     */
    default String usageNotes() {
        return "";
    }

    /** Resources this instance serves by URI, each read through one of its tools; fixed; the default is none. */
    default List<ResourceTemplateSpec> resourceTemplates() {
        return List.of();
    }

    /** Prompts this instance offers; fixed; the default is none. */
    default List<PromptSpec> prompts() {
        return List.of();
    }

    /** Releases the instance's AWS clients; called once, after the last call completed. */
    @Override
    void close();
}
