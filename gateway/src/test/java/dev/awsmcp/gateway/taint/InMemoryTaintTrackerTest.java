package dev.awsmcp.gateway.taint;

import dev.awsmcp.gateway.session.InMemorySessionStore;
import dev.awsmcp.gateway.session.SessionStore;

/** The tracker over the in-memory store (one instance; "another instance" is another tracker on the same store). */
class InMemoryTaintTrackerTest extends TaintTrackerContract {

    private final InMemorySessionStore store = new InMemorySessionStore(WINDOW);

    @Override
    SessionStore store() {
        return store;
    }
}
