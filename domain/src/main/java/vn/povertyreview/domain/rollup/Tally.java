package vn.povertyreview.domain.rollup;

import java.util.Arrays;

/**
 * A count per {@link Figure}: what one household contributes to each unit it lives in, the change
 * one review makes, or the sum over a unit. Tallies only ever add and subtract, which is what
 * keeps rollups exact under corrections, moves and withdrawals: a superseded review is taken out
 * with exactly what it put in.
 *
 * <p>Immutable and thread-safe.
 */
public final class Tally {

    private static final int SIZE = Figure.values().length;
    public static final Tally ZERO = new Tally(new long[SIZE]);

    private final long[] counts;

    private Tally(long[] counts) {
        this.counts = counts;
    }

    /**
     * A tally from stored counts in {@link Figure} order. Counts stored before a figure was added
     * are shorter and read as zero for it; longer ones come from a newer version and are refused.
     */
    public static Tally of(long... counts) {
        if (counts.length > SIZE) {
            throw new IllegalArgumentException("tally has " + counts.length + " counts but only " + SIZE + " figures are known");
        }
        return new Tally(Arrays.copyOf(counts, SIZE));
    }

    public static Tally one(Figure... figures) {
        long[] counts = new long[SIZE];
        for (Figure figure : figures) {
            counts[figure.ordinal()] = 1;
        }
        return new Tally(counts);
    }

    public long get(Figure figure) {
        return counts[figure.ordinal()];
    }

    public Tally plus(Tally other) {
        long[] sum = new long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            sum[i] = Math.addExact(counts[i], other.counts[i]);
        }
        return new Tally(sum);
    }

    public Tally minus(Tally other) {
        long[] difference = new long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            difference[i] = Math.subtractExact(counts[i], other.counts[i]);
        }
        return new Tally(difference);
    }

    /** What takes this tally back out again. */
    public Tally negated() {
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

    /** Whether any count is below zero, which a unit's sum never may be. */
    public boolean hasNegative() {
        for (long count : counts) {
            if (count < 0) {
                return true;
            }
        }
        return false;
    }

    /** The counts in {@link Figure} order, as stored. */
    public long[] toArray() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tally{");
        for (Figure figure : Figure.values()) {
            if (figure.ordinal() > 0) {
                sb.append(", ");
            }
            sb.append(figure).append('=').append(counts[figure.ordinal()]);
        }
        return sb.append('}').toString();
    }
}
