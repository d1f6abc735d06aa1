package dev.awsmcp.gateway.mcp;

/**
 * How a caller's {@code tools/list} shows the catalog ({@code server.catalog}, {@code server.recentTools}).
 *
 * @param compact false: every tool the caller may see; true: {@code search_tools} and the tools the caller's teams called
 *     recently ({@link CompactCatalog})
 * @param recentTools in a compact catalog, the distinct tools kept per team; at least 1
 */
public record CatalogMode(boolean compact, int recentTools) {

    /** Every tool the caller may see. */
    public static final CatalogMode FULL = new CatalogMode(false, 8);

    public CatalogMode {
        if (recentTools < 1) {
            throw new IllegalArgumentException("recentTools must be at least 1");
        }
    }
}
