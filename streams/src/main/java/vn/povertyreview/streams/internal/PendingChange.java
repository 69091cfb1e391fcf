package vn.povertyreview.streams.internal;

import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Tally;

/**
 * The summed change of one unit's counts since the task's last commit, and the time of the latest
 * review record in it. Mutable, so that summing a unit's many changes between two commits
 * allocates nothing; owned by one task's thread.
 */
final class PendingChange {

    private static final Figure[] FIGURES = Figure.values();

    private final long[] counts = new long[FIGURES.length];
    private long asOf = Long.MIN_VALUE;

    /** Adds a change made by a record of time {@code timestamp}. */
    void add(Tally change, long timestamp) {
        for (Figure figure : FIGURES) {
            counts[figure.ordinal()] += change.get(figure);
        }
        asOf = Math.max(asOf, timestamp);
    }

    Tally change() {
        return Tally.of(counts);
    }

    long asOf() {
        return asOf;
    }
}
