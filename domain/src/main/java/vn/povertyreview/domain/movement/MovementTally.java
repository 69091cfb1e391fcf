package vn.povertyreview.domain.movement;

import java.util.Arrays;

/**
 * A count per {@link MovementFigure}: what one household contributes to one unit's movement in one
 * review year, or the sum over a unit. Like the rollup tallies it only adds and subtracts, so a
 * contribution can be taken out again exactly when a household's history changes.
 *
 * <p>Immutable and thread-safe.
 */
public final class MovementTally {

    private static final int SIZE = MovementFigure.values().length;
    public static final MovementTally ZERO = new MovementTally(new long[SIZE]);

    private final long[] counts;

    private MovementTally(long[] counts) {
        this.counts = counts;
    }

    /**
     * A tally from stored counts in {@link MovementFigure} order. Counts stored before a figure was
     * added are shorter and read as zero for it; longer ones come from a newer version and are
     * refused.
     */
    public static MovementTally of(long... counts) {
        if (counts.length > SIZE) {
            throw new IllegalArgumentException("movement tally has " + counts.length + " counts but only " + SIZE + " figures are known");
        }
        return new MovementTally(Arrays.copyOf(counts, SIZE));
    }

    public long get(MovementFigure figure) {
        return counts[figure.ordinal()];
    }

    public MovementTally plus(MovementTally other) {
        long[] sum = new long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            sum[i] = Math.addExact(counts[i], other.counts[i]);
        }
        return new MovementTally(sum);
    }

    public MovementTally minus(MovementTally other) {
        long[] difference = new long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            difference[i] = Math.subtractExact(counts[i], other.counts[i]);
        }
        return new MovementTally(difference);
    }

    /** What takes this tally back out again. */
    public MovementTally negated() {
        return ZERO.minus(this);
    }

    public boolean isZero() {
        for (long count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    /** The counts in {@link MovementFigure} order, as stored. */
    public long[] toArray() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MovementTally other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    /** The non-zero figures only, since most of a household's figures are zero. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MovementTally{");
        String separator = "";
        for (MovementFigure figure : MovementFigure.values()) {
            long count = counts[figure.ordinal()];
            if (count != 0) {
                sb.append(separator).append(figure).append('=').append(count);
                separator = ", ";
            }
        }
        return sb.append('}').toString();
    }
}
