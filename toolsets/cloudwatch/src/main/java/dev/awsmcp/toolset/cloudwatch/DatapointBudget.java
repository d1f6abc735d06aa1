package dev.awsmcp.toolset.cloudwatch;

import dev.awsmcp.toolset.support.TimeWindow;
import dev.awsmcp.toolset.support.ToolArgumentException;
import java.time.Duration;
import java.util.List;

/**
 * How many datapoints per statistic one {@code get_metric_data} call may return, and the check that a
 * period and window stay within it: a refusal names the numbers and the fix (the smallest period that
 * fits, or the longest window at this period) instead of letting AWS answer in pages or the guard cut
 * the result.
 *
 * @param maxDatapoints the most datapoints per statistic (&gt; 0)
 */
record DatapointBudget(int maxDatapoints) {

    /** Datapoints per statistic at most: a day at one-minute resolution. */
    static final int MAX_DATAPOINTS = 1440;
    /** Periods below a minute CloudWatch accepts (high-resolution metrics); above, multiples of 60. */
    private static final List<Integer> SHORT_PERIODS = List.of(1, 5, 10, 30, 60);

    DatapointBudget {
        if (maxDatapoints <= 0) {
            throw new IllegalArgumentException("maxDatapoints must be positive, got " + maxDatapoints);
        }
    }

    /** The budget of a caller whose results hold at most {@code maxRows} rows: 1,440 or fewer. */
    static DatapointBudget forRows(int maxRows) {
        return new DatapointBudget(Math.min(MAX_DATAPOINTS, maxRows));
    }

    /**
     * Checks {@code period} (seconds) and returns the number of datapoints per statistic in {@code window}.
     *
     * @throws ToolArgumentException when the period is not one CloudWatch accepts, the window is empty, or
     *     the window holds more datapoints than the budget
     */
    long check(int period, TimeWindow window) {
        if (period <= 0 || period > 60 && period % 60 != 0 || period < 60 && !SHORT_PERIODS.contains(period)) {
            throw new ToolArgumentException("period " + period + " is not one CloudWatch accepts: give 1, 5, 10 or 30 "
                    + "(high-resolution metrics only) or a multiple of 60 seconds (for example 60, 300, 3600)");
        }
        long seconds = window.span().toSeconds();
        if (seconds <= 0) {
            throw new ToolArgumentException("the window from " + TimeWindow.format(window.start()) + " to "
                    + TimeWindow.format(window.end()) + " is empty; give start earlier than end");
        }
        long datapoints = (seconds + period - 1) / period;
        if (datapoints > maxDatapoints) {
            int fitting = fittingPeriod((seconds + maxDatapoints - 1) / maxDatapoints);
            throw new ToolArgumentException("the window from " + TimeWindow.format(window.start()) + " to "
                    + TimeWindow.format(window.end()) + " (" + TimeWindow.describe(window.span()) + ") at period "
                    + period + " s holds " + datapoints + " datapoints per statistic; at most " + maxDatapoints + " are returned "
                    + "per call: use period " + fitting + " or more, or narrow the window to at most "
                    + TimeWindow.describe(Duration.ofSeconds((long) maxDatapoints * period)));
        }
        return datapoints;
    }

    /** The smallest period CloudWatch accepts that is at least {@code seconds}. */
    private static int fittingPeriod(long seconds) {
        for (int period : SHORT_PERIODS) {
            if (period >= seconds) {
                return period;
            }
        }
        return (int) ((seconds + 59) / 60 * 60);
    }
}
