package dev.awsmcp.gateway.server;

import dev.awsmcp.gateway.auth.Principal;
import dev.awsmcp.gateway.policy.EffectivePolicy;
import dev.awsmcp.gateway.policy.PolicySet;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetRegistry;
import dev.awsmcp.gateway.transport.StreamableHttpTransport;
import io.modelcontextprotocol.modern.server.feature.McpChangeFeed;
import io.modelcontextprotocol.modern.server.feature.ServerChange;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a policy reload, tells each session whose visible tools changed: {@code notifications/tools/list_changed}
 * on its listening stream, so clients list tools again. Sessions whose view did not change hear nothing. MCP
 * 2026-07-28 clients listening ({@code subscriptions/listen}) all hear of it (the SDK's change feed knows no caller;
 * their lists are {@code cacheScope: private}, so listing again costs one request and shows nothing new to others).
 */
final class ToolListChangeNotifier implements BiConsumer<PolicySet, PolicySet> {

    private static final Logger LOG = LoggerFactory.getLogger(ToolListChangeNotifier.class);

    private final ToolsetRegistry registry;
    private final StreamableHttpTransport transport;
    private final McpChangeFeed listeners;

    ToolListChangeNotifier(ToolsetRegistry registry, StreamableHttpTransport transport, McpChangeFeed listeners) {
        this.registry = registry;
        this.transport = transport;
        this.listeners = listeners;
    }

    @Override
    public void accept(PolicySet before, PolicySet after) {
        int notified = 0;
        for (Map.Entry<String, Principal> session : transport.sessionPrincipals().entrySet()) {
            if (!visible(before.effective(session.getValue())).equals(visible(after.effective(session.getValue())))) {
                notified++;
                transport.notifyClient(session.getKey(), "notifications/tools/list_changed", Map.of())
                        .subscribe(null, e -> LOG.debug("session {}: list_changed not delivered", session.getKey(), e));
            }
        }
        LOG.info("policies changed: {} session(s) told to list tools again", notified);
        listeners.broadcast(new ServerChange.ToolsListChanged());
    }

    private Set<String> visible(EffectivePolicy policy) {
        return registry.tools().stream().filter(policy::toolVisible).map(RegisteredTool::name).collect(Collectors.toSet());
    }
}
