package dev.awsmcp.gateway.tracing;

import dev.awsmcp.gateway.audit.AuditOutcome;
import dev.awsmcp.gateway.audit.ErrorKind;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;

/**
 * The trace of one tool call: its span and the spans of its stages. {@link #NONE} when tracing is off or the call's
 * trace is not sampled: every method then does nothing and allocates nothing, so an untraced call pays for no tracing.
 * Thread-safe; the stages of one call may run on different threads.
 */
public interface CallSpan {

    /** Records nothing. */
    CallSpan NONE = new CallSpan() {
        @Override
        public boolean recording() {
            return false;
        }

        @Override
        public Stage stage(String name) {
            return Stage.NONE;
        }

        @Override
        public Scope makeCurrent() {
            return Scope.noop();
        }

        @Override
        public void team(String team) {
        }

        @Override
        public void end(AuditOutcome outcome, ErrorKind kind) {
        }
    };

    /** Whether this call's spans are recorded (false for {@link #NONE}). */
    boolean recording();

    /** A span of the stage {@code name} (e.g. {@code policy}) under the call's span, started now. */
    Stage stage(String name);

    /**
     * Makes the call's span the current context of this thread until the scope is closed, so that spans opened deeper
     * in the same synchronous work (an STS role assumption) are its children.
     */
    Scope makeCurrent();

    /** Names the team whose grant admitted the call. */
    void team(String team);

    /** Ends the call's span with its {@code outcome} and, for an unsuccessful one, its error {@code kind} (else null). */
    void end(AuditOutcome outcome, ErrorKind kind);

    /** The span of one stage; ended by {@link #close} or when the work handed to {@link #endsWith} completes. */
    interface Stage extends AutoCloseable {

        /** Records nothing. */
        Stage NONE = new Stage() {
            @Override
            public void close() {
            }

            @Override
            public <T> CompletableFuture<T> endsWith(CompletableFuture<T> work) {
                return work;
            }
        };

        @Override
        void close();

        /** Ends this stage when {@code work} completes (an error when it fails); returns {@code work} itself. */
        <T> CompletableFuture<T> endsWith(CompletableFuture<T> work);
    }
}
