package vn.povertyreview.domain.rollup;

import java.util.Arrays;

/**
 * Counts per figure of one enum, stored in the figures' order: the arithmetic that {@link Tally}
 * and the movement tallies share. Counts only ever add and subtract, which is what keeps rollups
 * exact: a superseded contribution is taken out with exactly what it put in.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <F> the figures counted
 * @param <T> the concrete counts type, so that arithmetic returns it
 */
public abstract class FigureCounts<F extends Enum<F>, T extends FigureCounts<F, T>> {

    private final long[] counts;

    /** {@code counts} must already have one entry per figure and must not be shared. */
    protected FigureCounts(long[] counts) {
        this.counts = counts;
    }

    /** The figures in stored order. */
    protected abstract F[] figures();

    /** The same type holding other counts (one entry per figure, not shared). */
    protected abstract T withCounts(long[] counts);

    /**
     * Stored counts widened to the current figures: counts stored before a figure was added are
     * shorter and read as zero for it; longer ones come from a newer version and are refused.
     */
    protected static long[] widened(long[] stored, int figures, String what) {
        if (stored.length > figures) {
            throw new IllegalArgumentException(what + " has " + stored.length + " counts but only " + figures + " figures are known");
        }
        return Arrays.copyOf(stored, figures);
    }

    public long get(F figure) {
        return counts[figure.ordinal()];
    }

    public T plus(T other) {
        long[] others = countsOf(other);
        long[] sum = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            sum[i] = Math.addExact(counts[i], others[i]);
        }
        return withCounts(sum);
    }

    public T minus(T other) {
        long[] others = countsOf(other);
        long[] difference = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            difference[i] = Math.subtractExact(counts[i], others[i]);
        }
        return withCounts(difference);
    }

    /** What takes these counts back out again. */
    public T negated() {
        long[] negated = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            negated[i] = Math.negateExact(counts[i]);
        }
        return withCounts(negated);
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

    /** Adds these counts, in figure order, to {@code sums}: for summing many without a new array each. */
    public void addTo(long[] sums) {
        for (int i = 0; i < counts.length; i++) {
            sums[i] = Math.addExact(sums[i], counts[i]);
        }
    }

    /**
     * Adds these counts, in figure order, to {@code sums}: for summing many without a new array
     * each, in ints where the sums are known to stay small. A sum that would leave an int's range
     * throws {@link ArithmeticException} rather than wrap.
     */
    public void addTo(int[] sums) {
        for (int i = 0; i < counts.length; i++) {
            sums[i] = Math.addExact(sums[i], Math.toIntExact(counts[i]));
        }
    }

    /** The counts in figure order, as stored. */
    public long[] toArray() {
        return counts.clone();
    }

    private static long[] countsOf(FigureCounts<?, ?> other) {
        return other.counts;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(counts, ((FigureCounts<?, ?>) o).counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    /** The non-zero figures only, since most figures of one contribution are zero. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('{');
        String separator = "";
        for (F figure : figures()) {
            long count = counts[figure.ordinal()];
            if (count != 0) {
                sb.append(separator).append(figure).append('=').append(count);
                separator = ", ";
            }
        }
        return sb.append('}').toString();
    }
}
