package dev.awsmcp.gateway.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's page, style sheet and script: a fixed list of classpath resources, read once at startup and served
 * from memory. A fixed list rather than a static-file handler: no path from a request ever reaches the class path or
 * the file system, and nothing is unpacked to a cache directory.
 */
final class ConsoleAssets {

    private record Asset(String contentType, Buffer body) {
    }

    private static final String ROOT = "/dev/awsmcp/gateway/console/web/";

    private final Map<String, Asset> assets;

    private ConsoleAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Reads the console's files; fails when one is missing from the build. */
    static ConsoleAssets load() {
        return new ConsoleAssets(Map.of(
                "index.html", read("index.html", "text/html; charset=utf-8"),
                "console.css", read("console.css", "text/css; charset=utf-8"),
                "console.js", read("console.js", "text/javascript; charset=utf-8")));
    }

    private static Asset read(String name, String contentType) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the jar");
            }
            return new Asset(contentType, Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the asset named by the path parameter {@code file} (the page when absent); 404 for any other name. */
    void serve(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        Asset asset = assets.get(file == null || file.isEmpty() ? "index.html" : file);
        if (asset == null) {
            ConsoleResponses.error(ctx, 404, "no such console file; open /console/");
            return;
        }
        ctx.response().putHeader("Content-Type", asset.contentType()).putHeader("Cache-Control", "no-cache").end(asset.body());
    }
}
