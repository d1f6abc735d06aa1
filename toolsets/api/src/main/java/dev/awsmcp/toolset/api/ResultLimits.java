package dev.awsmcp.toolset.api;

/**
 * The bounds a toolset applies to one call's result. Toolsets page with these; the gateway's guard
 * still enforces the byte budget on whatever comes back.
 *
 * @param defaultRows rows, items or events returned when the caller asks for no limit (&gt; 0)
 * @param maxRows the most rows a caller may ask for (&ge; defaultRows)
 * @param maxResultBytes the byte budget of one result as JSON (&gt; 0)
 */
public record ResultLimits(int defaultRows, int maxRows, int maxResultBytes) {

    /** The defaults of DESIGN.md: 100 rows, at most 1000, 64 KiB. */
    public static final ResultLimits DEFAULT = new ResultLimits(100, 1000, 65536);

    public ResultLimits {
        if (defaultRows <= 0 || maxRows < defaultRows || maxResultBytes <= 0) {
            throw new IllegalArgumentException("limits need 0 < defaultRows <= maxRows and maxResultBytes > 0, got "
                    + defaultRows + ", " + maxRows + ", " + maxResultBytes);
        }
    }

    /** The row count to request: {@code defaultRows} when {@code requested} is null, else capped at {@code maxRows}. */
    public int rows(Integer requested) {
        if (requested == null || requested <= 0) {
            return defaultRows;
        }
        return Math.min(requested, maxRows);
    }
}
