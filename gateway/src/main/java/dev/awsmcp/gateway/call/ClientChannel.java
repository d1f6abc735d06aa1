package dev.awsmcp.gateway.call;

import dev.awsmcp.toolset.api.CallControl;
import dev.awsmcp.toolset.api.ClientRequests;

/**
 * What the pipeline can tell or ask the caller's client while a call runs: progress reports, and
 * confirmation by a person, and what the toolset itself may send or ask (logs, sampling, elicitation).
 *
 * @param progress where the toolset's progress goes; null: nowhere (no progress token)
 * @param confirmation how to ask for confirmation; never null
 * @param client the toolset's requests to the client ({@link CallControl#client()}); never null
 */
public record ClientChannel(CallControl.ProgressListener progress, CallConfirmation confirmation, ClientRequests client) {

    /** A client that gets no progress and cannot confirm (stdio tests, internal calls). */
    public static final ClientChannel NONE = new ClientChannel(null, CallConfirmation.UNSUPPORTED);

    public ClientChannel {
        confirmation = confirmation == null ? CallConfirmation.UNSUPPORTED : confirmation;
        client = client == null ? ClientRequests.NONE : client;
    }

    /** A channel through which the toolset can ask the client nothing. */
    public ClientChannel(CallControl.ProgressListener progress, CallConfirmation confirmation) {
        this(progress, confirmation, ClientRequests.NONE);
    }
}
