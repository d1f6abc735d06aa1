package dev.awsmcp.gateway.call;

import dev.awsmcp.gateway.audit.AuditLog;
import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.tracing.CallSpan;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The audit side of one call: its record, filled in as the stages decide, the room reserved for it in the audit
 * trail, whether the call was answered yet, and its trace. The first answer wins (a cancellation racing the toolset's
 * result, a shutdown stopping it): the call gets exactly one record.
 *
 * @param record the record being built; its correlation id names the call
 * @param slot the room reserved for the record
 * @param answered set once the call's answer was chosen
 * @param span the call's span and its stages' ({@link CallSpan#NONE} when not traced)
 */
record CallTrail(ToolCallRecord.Builder record, AuditLog.Reservation slot, AtomicBoolean answered, CallSpan span) {

    CallTrail(ToolCallRecord.Builder record, AuditLog.Reservation slot, CallSpan span) {
        this(record, slot, new AtomicBoolean(), span);
    }

    String correlationId() {
        return record.correlationId();
    }

    /** True for the first answer of the call, which is then the one recorded and sent. */
    boolean answer() {
        return answered.compareAndSet(false, true);
    }
}
