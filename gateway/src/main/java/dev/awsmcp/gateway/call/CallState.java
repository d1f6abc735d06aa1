package dev.awsmcp.gateway.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.toolset.RegisteredTool;

/**
 * One call as it passes the stages: what arrived, its audit trail, and, once authorized, the caller's policy and
 * the arguments with their cursor opened. Each stage that learns something returns a new state; the record in the
 * trail collects the decisions as the stages make them.
 *
 * @param arrival what arrived
 * @param trail the call's audit record and reserved room for it
 * @param policy the caller's policy; null until authorized
 * @param arguments the arguments: as sent until authorized, then with the toolset's own cursor in place of the sealed one
 */
record CallState(Arrival arrival, CallTrail trail, EffectivePolicy policy, ObjectNode arguments) {

    /**
     * What arrived.
     *
     * @param tool the tool called
     * @param principal who called; null when nobody authenticated (nothing is granted)
     * @param origin the session and client, for the record and the session's taint
     * @param channel what the client can be told or asked while the call runs
     * @param cancellation set when the caller gives up on the call
     */
    record Arrival(RegisteredTool tool, Principal principal, CallOrigin origin, ClientChannel channel, CallCancellation cancellation) {
    }

    RegisteredTool tool() {
        return arrival.tool();
    }

    Principal principal() {
        return arrival.principal();
    }

    /** What the session's taint is kept under ({@link CallOrigin#taintKey}). */
    dev.awsmcp.gateway.taint.TaintKey taintKey() {
        return arrival.origin().taintKey();
    }

    ToolCallRecord.Builder record() {
        return trail.record();
    }

    String correlationId() {
        return trail.correlationId();
    }

    /** The call past authorization: the caller's {@code callerPolicy}, and the arguments with their cursor {@code opened}. */
    CallState authorized(EffectivePolicy callerPolicy, ObjectNode opened) {
        return new CallState(arrival, trail, callerPolicy, opened);
    }
}
