package dev.awsmcp.gateway.session;

/** The in-memory store keeps the store contract. */
class InMemorySessionStoreTest extends SessionStoreContract {

    private final InMemorySessionStore store = new InMemorySessionStore(TTL);

    @Override
    SessionStore store() {
        return store;
    }
}
