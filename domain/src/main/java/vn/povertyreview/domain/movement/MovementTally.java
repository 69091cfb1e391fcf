package vn.povertyreview.domain.movement;

import vn.povertyreview.domain.rollup.FigureCounts;


/**
 * A count per {@link MovementFigure}: what one household contributes to one unit's movement in one
 * review year, or the sum over a unit. Like the rollup tallies it only adds and subtracts, so a
 * contribution can be taken out again exactly when a household's history changes.
 *
 * <p>Immutable and thread-safe.
 */
public final class MovementTally extends FigureCounts<MovementFigure, MovementTally> {

    private static final MovementFigure[] FIGURES = MovementFigure.values();
    public static final MovementTally ZERO = new MovementTally(new long[FIGURES.length]);

    private MovementTally(long[] counts) {
        super(counts);
    }

    /** A tally from stored counts in {@link MovementFigure} order; figures added since read as zero. */
    public static MovementTally of(long... counts) {
        return new MovementTally(widened(counts, FIGURES.length, "movement tally"));
    }

    /** A tally over {@code counts} itself, one per figure, which the caller must not touch again. */
    static MovementTally owning(long[] counts) {
        if (counts.length != FIGURES.length) {
            throw new IllegalArgumentException("a movement tally needs " + FIGURES.length + " counts, got " + counts.length);
        }
        return new MovementTally(counts);
    }

    @Override
    protected MovementFigure[] figures() {
        return FIGURES;
    }

    @Override
    protected MovementTally withCounts(long[] counts) {
        return new MovementTally(counts);
    }
}
