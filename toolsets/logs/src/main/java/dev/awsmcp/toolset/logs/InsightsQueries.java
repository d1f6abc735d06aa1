package dev.awsmcp.toolset.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log groups of every Insights query this toolset instance started, so {@code get_insights_results}
 * names the groups it reads and the gateway can authorize them: GetQueryResults itself takes only a
 * query id, which would let anyone holding an id read another team's results. Bounded (the newest
 * {@value #MAX_QUERIES} queries of the last day) and per gateway instance: a query started on another
 * instance, or before a restart, must be run again.
 */
final class InsightsQueries {

    static final int MAX_QUERIES = 10_000;
    private static final Duration KEEP = Duration.ofDays(1);

    private record Started(List<String> logGroups, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Started> queries = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Started> eldest) {
            return size() > MAX_QUERIES;
        }
    };

    InsightsQueries(Clock clock) {
        this.clock = clock;
    }

    synchronized void started(String queryId, List<String> logGroups) {
        queries.put(queryId, new Started(List.copyOf(logGroups), clock.instant()));
    }

    /** The groups of {@code queryId}; throws {@link IllegalArgumentException} for a query this instance did not start. */
    synchronized List<String> logGroups(String queryId) {
        Started started = queryId == null ? null : queries.get(queryId);
        if (started == null || started.at().plus(KEEP).isBefore(clock.instant())) {
            throw new IllegalArgumentException("query id " + queryId + " was not started through this gateway in the last day; "
                    + "run the query again with run_insights_query");
        }
        return started.logGroups();
    }
}
