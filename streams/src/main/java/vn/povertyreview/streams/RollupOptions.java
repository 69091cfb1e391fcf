package vn.povertyreview.streams;

import java.time.Duration;

/**
 * Tuning of the rollup topology, immutable.
 *
 * @param publishInterval how often summed changes are published while the pipeline keeps up with
 *                        its input (the delay a reviewer waits to see a rollup move)
 * @param freshnessBudget the longest a change waits under a backlog; publishing less often then
 *                        means fewer rollups for the same reviews. It is Streams' commit interval.
 * @param maxPendingUnits how many units a task may hold unsent changes or unpublished rollups for
 *                        before it sends them early, bounding memory
 */
public record RollupOptions(Duration publishInterval, Duration freshnessBudget, long maxPendingUnits) {

    public static final Duration DEFAULT_PUBLISH_INTERVAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_FRESHNESS_BUDGET = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_PENDING_UNITS = 120_000;

    public RollupOptions {
        requirePositive("publish interval", publishInterval);
        requirePositive("freshness budget", freshnessBudget);
        if (freshnessBudget.compareTo(publishInterval) < 0) {
            throw new IllegalArgumentException("the freshness budget (" + freshnessBudget
                    + ") must not be shorter than the publish interval (" + publishInterval + ")");
        }
        if (maxPendingUnits < 1) {
            throw new IllegalArgumentException("max pending units must be at least 1, got " + maxPendingUnits);
        }
    }

    public static RollupOptions defaults() {
        return new RollupOptions(DEFAULT_PUBLISH_INTERVAL, DEFAULT_FRESHNESS_BUDGET, DEFAULT_MAX_PENDING_UNITS);
    }

    private static void requirePositive(String what, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }
}
