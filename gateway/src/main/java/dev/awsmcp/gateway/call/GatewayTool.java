package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.policy.EffectivePolicy;

/**
 * A tool the gateway serves itself rather than a toolset ({@code search_tools} of a compact catalog): it reads no AWS and
 * names no resource, so no grant covers it; it decides itself who may see it and answers from what the caller's policy lets
 * it see. Its calls are audited like any call, under toolset {@value #TOOLSET} ({@link ToolCallPipeline#callGatewayTool}).
 */
public interface GatewayTool {

    /** The toolset id of the gateway's own tools in audit records and metrics. */
    String TOOLSET = "gateway";

    /** The tool's exposed name. */
    String name();

    /** Whether a caller with {@code policy} may see and call the tool; a caller who may not is answered as for an unknown tool. */
    boolean visible(EffectivePolicy policy);

    /**
     * The answer for a caller with {@code policy}: trusted data of the gateway's own (it passes no result guard), scoped to
     * what {@code policy} lets the caller see.
     *
     * @throws IllegalArgumentException when {@code arguments} are invalid; the message names the argument and the fix
     */
    ObjectNode answer(EffectivePolicy policy, ObjectNode arguments);
}
