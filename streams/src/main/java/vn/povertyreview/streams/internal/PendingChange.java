package vn.povertyreview.streams.internal;

import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Tally;

/**
 * The summed change of one unit's counts since the task's last commit, and the time of the latest
 * review record in it. Mutable, so that summing a unit's many changes between two commits
 * allocates nothing; owned by one task's thread.
 *
 * <p>A task holds one of these for nearly every unit it touches between two commits, so the sums
 * are ints, half the memory of longs: more units fit under the task's cap, and fewer changes are
 * sent early. A change within one commit interval is bounded by the reviews of that interval, far
 * below an int's range; a sum that would overflow it fails loudly rather than wrap.
 */
final class PendingChange {

    private static final int FIGURES = Figure.values().length;

    private final int[] counts = new int[FIGURES];
    private long asOf = Long.MIN_VALUE;

    /** Adds a change made by a record of time {@code timestamp}. */
    void add(Tally change, long timestamp) {
        change.addTo(counts);
        asOf = Math.max(asOf, timestamp);
    }

    Tally change() {
        long[] wide = new long[FIGURES];
        for (int i = 0; i < FIGURES; i++) {
            wide[i] = counts[i];
        }
        return Tally.of(wide);
    }

    long asOf() {
        return asOf;
    }
}
