package dev.awsmcp.gateway.call;

import dev.awsmcp.toolset.api.CallControl;

/**
 * What the pipeline can tell or ask the caller's client while a call runs: progress reports, and
 * confirmation by a person.
 *
 * @param progress where the toolset's progress goes; null: nowhere (no progress token)
 * @param confirmation how to ask for confirmation; never null
 */
public record ClientChannel(CallControl.ProgressListener progress, CallConfirmation confirmation) {

    /** A client that gets no progress and cannot confirm (stdio tests, internal calls). */
    public static final ClientChannel NONE = new ClientChannel(null, CallConfirmation.UNSUPPORTED);

    public ClientChannel {
        confirmation = confirmation == null ? CallConfirmation.UNSUPPORTED : confirmation;
    }
}
