package dev.awsmcp.gateway.console;

import dev.awsmcp.gateway.config.FileSinkConfig;
import dev.awsmcp.gateway.config.GatewayConfig;
import dev.awsmcp.gateway.ops.AdminRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The read-only audit console on the admin listener: the page at {@code /console/} and its JSON API under
 * {@code /console/api/} (records with filters and paging, one record, the chain status, the live state, the form
 * options, policy explain). One place builds its routes, in order: security headers, the access rule
 * ({@link ConsoleAccess}), the page, the API.
 */
public final class AuditConsole implements AdminRoutes {

    /** Where the console is served. */
    public static final String PATH = "/console/";
    private static final int WORKER_THREADS = 2;
    private static final int MAX_EXPLAIN_BYTES = 64 * 1024;
    /** The least time a record may take from a call's arrival to the file; see {@link AuditPager}. */
    private static final Duration MIN_RECORDING_SLACK = Duration.ofHours(1);

    private final ConsoleSources sources;
    private ConsoleAccess access;
    private WorkerExecutor workers;

    private AuditConsole(ConsoleSources sources) {
        this.sources = sources;
    }

    /** The console over {@code sources}, or none when {@code admin.console.enabled} is false. */
    public static AdminRoutes create(ConsoleSources sources) {
        return sources.config().admin().console().enabled() ? new AuditConsole(sources) : AdminRoutes.NONE;
    }

    @Override
    public void mount(Vertx vertx, Router router) {
        access = ConsoleAccess.create(vertx, sources.config());
        router.route("/console*").handler(ConsoleResponses::secure);
        access.guard(router, PATH);
        if (!access.serves()) {
            return;
        }
        ConsoleAssets assets = ConsoleAssets.load();
        // The page's relative URLs (console.js, api/...) need the trailing slash.
        router.get(PATH).handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                assets.serve(ctx);
            } else {
                ctx.redirect(PATH);
            }
        });
        workers = vertx.createSharedWorkerExecutor("console-read", WORKER_THREADS);
        ConsoleApi api = api(sources.config());
        router.get(PATH + "api/records").handler(api::records);
        router.get(PATH + "api/records/:seq").handler(api::record);
        router.get(PATH + "api/chain").handler(api::chain);
        router.get(PATH + "api/live").handler(api::live);
        router.get(PATH + "api/options").handler(api::options);
        router.post(PATH + "api/explain").handler(BodyHandler.create(false).setBodyLimit(MAX_EXPLAIN_BYTES)).handler(api::explain);
        router.route(PATH + "api/*").handler(ctx -> ConsoleResponses.error(ctx, 404,
                "no such console endpoint; the API has records, records/<seq>, chain, live, options and explain"));
        router.get(PATH + ":file").handler(assets::serve);
    }

    private ConsoleApi api(GatewayConfig config) {
        Optional<FileSinkConfig> file = config.audit().sinks().stream().filter(FileSinkConfig.class::isInstance)
                .map(FileSinkConfig.class::cast).findFirst();
        if (file.isEmpty()) {
            return new ConsoleApi(sources, workers, null, null);
        }
        AuditTrailFiles trail = new AuditTrailFiles(Path.of(file.get().path()), file.get().keepFiles());
        Duration slack = config.limits().callTimeout().multipliedBy(4);
        return new ConsoleApi(sources, workers, new AuditPager(trail, slack.compareTo(MIN_RECORDING_SLACK) > 0 ? slack : MIN_RECORDING_SLACK),
                new ChainStatus(trail, Clock.systemUTC()));
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.close();
        }
        if (access != null) {
            access.close();
        }
    }
}
