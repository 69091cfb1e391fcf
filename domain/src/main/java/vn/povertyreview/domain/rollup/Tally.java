package vn.povertyreview.domain.rollup;

/**
 * A count per {@link Figure}: what one household contributes to each unit it lives in, the change
 * one review makes, or the sum over a unit.
 *
 * <p>Immutable and thread-safe.
 */
public final class Tally extends FigureCounts<Figure, Tally> {

    private static final Figure[] FIGURES = Figure.values();
    public static final Tally ZERO = new Tally(new long[FIGURES.length]);

    private Tally(long[] counts) {
        super(counts);
    }

    /** A tally from stored counts in {@link Figure} order; figures added since read as zero. */
    public static Tally of(long... counts) {
        return new Tally(widened(counts, FIGURES.length, "tally"));
    }

    /** A tally over {@code counts} itself, one per figure, which the caller must not touch again: no copy where tallies are built in bulk. */
    static Tally owning(long[] counts) {
        if (counts.length != FIGURES.length) {
            throw new IllegalArgumentException("a tally needs " + FIGURES.length + " counts, got " + counts.length);
        }
        return new Tally(counts);
    }

    public static Tally one(Figure... figures) {
        long[] counts = new long[FIGURES.length];
        for (Figure figure : figures) {
            counts[figure.ordinal()] = 1;
        }
        return new Tally(counts);
    }

    @Override
    protected Figure[] figures() {
        return FIGURES;
    }

    @Override
    protected Tally withCounts(long[] counts) {
        return new Tally(counts);
    }
}
