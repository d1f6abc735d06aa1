package dev.awsmcp.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awsmcp.gateway.policy.TeamPolicy;
import dev.awsmcp.gateway.toolset.RegisteredTool;
import dev.awsmcp.gateway.toolset.ToolsetInstance;
import dev.awsmcp.toolset.support.Json;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's JSON endpoints under {@code /console/api/}. File reads and policy evaluation run on the
 * {@code console-read} worker pool, never on the admin listener's event loop; only the in-memory live state is read there.
 */
final class ConsoleApi {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);
    private static final String NO_FILE_SINK = "this gateway has no audit file sink: the console reads the records of a "
            + "{ type: file } entry of audit.sinks (records sent to CloudWatch Logs are read there)";

    private final ConsoleSources sources;
    private final WorkerExecutor workers;
    private final AuditPager pager;
    private final ChainStatus chain;
    private final LiveState live;

    /** {@code pager} and {@code chain} are null when the trail has no file sink. */
    ConsoleApi(ConsoleSources sources, WorkerExecutor workers, AuditPager pager, ChainStatus chain) {
        this.sources = sources;
        this.workers = workers;
        this.pager = pager;
        this.chain = chain;
        this.live = new LiveState(sources);
    }

    /** {@code GET records?filters}: a page of records, newest first, with the cursor of the next. */
    void records(RoutingContext ctx) {
        if (pager == null) {
            ConsoleResponses.error(ctx, 404, NO_FILE_SINK);
            return;
        }
        Map<String, String> parameters = new HashMap<>();
        for (String name : ctx.queryParams().names()) {
            List<String> values = ctx.queryParams().getAll(name);
            if (values.size() > 1) {
                ConsoleResponses.error(ctx, 400, name + ": given " + values.size() + " times; give it once");
                return;
            }
            parameters.put(name, values.get(0));
        }
        blocking(ctx, () -> {
            AuditPager.Page page = pager.page(AuditQuery.parse(parameters));
            ObjectNode json = Json.object();
            ArrayNode records = json.putArray("records");
            page.records().forEach(records::add);
            json.put("cursor", page.cursor());
            json.put("scannedBytes", page.scannedBytes());
            json.put("scanLimited", page.scanLimited());
            return json;
        }, false);
    }

    /** {@code GET records/:seq}: one record by its sequence number. */
    void record(RoutingContext ctx) {
        if (pager == null) {
            ConsoleResponses.error(ctx, 404, NO_FILE_SINK);
            return;
        }
        long sequence;
        try {
            sequence = Long.parseLong(ctx.pathParam("seq"));
        } catch (NumberFormatException e) {
            ConsoleResponses.error(ctx, 400, "seq: not a sequence number; use the record's seq, e.g. /console/api/records/42");
            return;
        }
        blocking(ctx, () -> pager.record(sequence).orElseThrow(() -> new BadConsoleRequestException(404,
                "no record with seq " + sequence + " in the audit files (not written yet, or rotated away)")), false);
    }

    /** {@code GET chain[?fresh=true]}: the hash chain's status, as {@code audit verify} finds it. */
    void chain(RoutingContext ctx) {
        if (chain == null) {
            ConsoleResponses.error(ctx, 404, NO_FILE_SINK);
            return;
        }
        boolean fresh = "true".equals(ctx.queryParams().get("fresh"));
        blocking(ctx, () -> chain.status(fresh), true);
    }

    /** {@code GET live}: sessions, circuit breakers, policies, the audit writer. */
    void live(RoutingContext ctx) {
        ConsoleResponses.json(ctx, 200, live.toJson());
    }

    /** {@code GET options}: the values the filter and explain forms offer. */
    void options(RoutingContext ctx) {
        ObjectNode json = Json.object();
        strings(json, "tools", sorted(sources.registry().tools().stream().map(RegisteredTool::name).toList()));
        strings(json, "toolsets", sorted(sources.registry().instances().stream().map(ToolsetInstance::id).toList()));
        List<TeamPolicy> teams = sources.policies().current().teams();
        strings(json, "teams", sorted(teams.stream().map(TeamPolicy::team).toList()));
        strings(json, "principals", sorted(teams.stream().flatMap(t -> t.members().stream())
                .map(m -> m.apiKey() != null ? dev.awsmcp.gateway.auth.Principal.API_KEY_PREFIX + m.apiKey() : m.principal())
                .filter(p -> p != null).toList()));
        strings(json, "groups", sorted(teams.stream().flatMap(t -> t.members().stream()).map(m -> m.group()).filter(g -> g != null).toList()));
        strings(json, "types", AuditQuery.TYPES);
        strings(json, "outcomes", AuditQuery.OUTCOMES);
        strings(json, "errorKinds", AuditQuery.ERROR_KINDS);
        strings(json, "decisions", AuditQuery.DECISIONS);
        strings(json, "confirmations", AuditQuery.CONFIRMATIONS);
        strings(json, "taintLevels", AuditQuery.TAINT_LEVELS);
        json.put("fileSink", pager != null);
        ConsoleResponses.json(ctx, 200, json);
    }

    private static void strings(ObjectNode json, String name, Collection<String> values) {
        values.forEach(json.putArray(name)::add);
    }

    /** {@code POST explain {principal, groups, tool, arguments}}: what {@code policy explain} answers. */
    void explain(RoutingContext ctx) {
        String body = ctx.body().asString();
        blocking(ctx, () -> ExplainRequest.parse(body).explain(sources), false);
    }

    private static TreeSet<String> sorted(Collection<String> values) {
        return new TreeSet<>(values);
    }

    private void blocking(RoutingContext ctx, Callable<JsonNode> work, boolean ordered) {
        workers.executeBlocking(work, ordered).onComplete(done -> {
            if (done.succeeded()) {
                ConsoleResponses.json(ctx, 200, done.result());
            } else if (done.cause() instanceof BadConsoleRequestException bad) {
                ConsoleResponses.error(ctx, bad.status(), bad.getMessage());
            } else if (done.cause() instanceof IOException io) {
                LOG.error("console: reading the audit files failed", io);
                ConsoleResponses.error(ctx, 500, "the audit files could not be read: " + io.getMessage());
            } else {
                LOG.error("console request {} failed", ctx.request().path(), done.cause());
                ConsoleResponses.error(ctx, 500, "internal error; see the gateway's log");
            }
        });
    }

}
