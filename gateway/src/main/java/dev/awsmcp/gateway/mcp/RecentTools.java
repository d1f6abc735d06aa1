package dev.awsmcp.gateway.mcp;

import dev.awsmcp.gateway.audit.ToolCallRecord;
import dev.awsmcp.gateway.call.GatewayTool;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tools each team called recently, for a compact catalog's lists: per team the last {@code size} distinct tools a call
 * was allowed for by that team's grant, least recently called dropped first. Fed from the audit records of this instance
 * (in memory: another instance keeps its own); a tool listed here is shown only while the caller's policy lets it see it.
 */
final class RecentTools {

    private final int size;
    private final Map<String, Recent> byTeam = new ConcurrentHashMap<>();

    /** @param size distinct tools kept per team, at least 1 */
    RecentTools(int size) {
        this.size = size;
    }

    /** Takes note of a call's record: an allowed call of a toolset's tool counts for the team whose grant allowed it. */
    void called(ToolCallRecord record) {
        if ("allowed".equals(record.decision()) && record.team() != null && !GatewayTool.TOOLSET.equals(record.toolset())) {
            byTeam.computeIfAbsent(record.team(), team -> new Recent(size)).add(record.tool());
        }
    }

    /** The names of the tools any of {@code teams} called recently. */
    Set<String> of(Set<String> teams) {
        Set<String> names = new HashSet<>();
        for (String team : teams) {
            Recent recent = byTeam.get(team);
            if (recent != null) {
                recent.addTo(names);
            }
        }
        return names;
    }

    /** One team's tools, in the order they were last called. */
    private static final class Recent {

        private final LinkedHashMap<String, Boolean> tools;

        Recent(int size) {
            this.tools = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > size;
                }
            };
        }

        synchronized void add(String tool) {
            tools.put(tool, Boolean.TRUE);
        }

        synchronized void addTo(Set<String> names) {
            names.addAll(tools.keySet());
        }
    }
}
