package vn.povertyreview.streams;

import java.time.Duration;

/**
 * Tuning of the rollup topology. {@code flushInterval}: how often summed unit changes are sent on
 * (the delay a reviewer waits to see a rollup move); {@code maxPendingUnits}: how many units may
 * have unsent changes before they are sent early, bounding memory. Immutable.
 */
public record RollupOptions(Duration flushInterval, long maxPendingUnits) {

    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
    public static final long DEFAULT_MAX_PENDING_UNITS = 50_000;

    public RollupOptions {
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flush interval must be positive, got " + flushInterval);
        }
        if (maxPendingUnits < 1) {
            throw new IllegalArgumentException("max pending units must be at least 1, got " + maxPendingUnits);
        }
    }

    public static RollupOptions defaults() {
        return new RollupOptions(DEFAULT_FLUSH_INTERVAL, DEFAULT_MAX_PENDING_UNITS);
    }
}
