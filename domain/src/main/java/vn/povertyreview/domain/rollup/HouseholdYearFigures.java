package vn.povertyreview.domain.rollup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.movement.HouseholdHistory;
import vn.povertyreview.domain.movement.HouseholdStatus;
import vn.povertyreview.domain.movement.MovementFigure;
import vn.povertyreview.domain.movement.MovementTally;
import vn.povertyreview.domain.movement.Movements;
import vn.povertyreview.domain.movement.PathMovement;

/**
 * Everything one household adds to the units of one review year: its latest review's own figures
 * in every unit of its place, its movement ({@link Movements}) from its history, and, when it has a
 * counted review in the previous year, that year's final figures as the start of this one
 * ({@link Figure#START_HOUSEHOLDS}, {@link Figure#START_ETHNIC_MINORITY_POOR}) in every unit of its
 * {@linkplain Movements#startPath start path}, where {@link Figure#START_POOR} counts it too. A function of
 * the history alone, so that when the history changes, what the old one gave can be taken out and
 * what the new one gives put in.
 */
public final class HouseholdYearFigures {

    private static final int FIGURE_COUNT = Figure.values().length;
    private static final MovementFigure[] MOVEMENT_FIGURES = MovementFigure.values();
    /** The rollup figure of each movement figure, by the movement figure's ordinal. */
    private static final int[] FIGURE_OF_MOVEMENT = new int[MOVEMENT_FIGURES.length];

    static {
        for (MovementFigure figure : MOVEMENT_FIGURES) {
            FIGURE_OF_MOVEMENT[figure.ordinal()] = Figure.of(figure).ordinal();
        }
    }

    private HouseholdYearFigures() {
    }

    /** Per unit code of {@code year}'s map, in a stable order; units it adds nothing to are left out. */
    public static Map<String, Tally> of(HouseholdHistory history, int year, AdminSuccession succession) {
        Map<String, Tally> figures = new LinkedHashMap<>();
        contribution(history, year, succession).forEachUnit(figures::put);
        return Collections.unmodifiableMap(figures);
    }

    /**
     * The same figures as {@link #of}, said once per position a unit can have on the household's
     * paths: what a unit gets depends only on whether it is on the start path, the end path or
     * both. A change of history is counted from these three tallies whatever the number of units.
     */
    public static HouseholdYearContribution contribution(HouseholdHistory history, int year, AdminSuccession succession) {
        PathMovement movement = Movements.byPath(history, year, succession);
        HouseholdStatus status = history.in(year).orElse(null);
        HouseholdStatus previous = history.in(year - 1).orElse(null);
        // Summed in place, one array per position: this runs twice per year for every review.
        long[] onBoth = new long[FIGURE_COUNT];
        long[] startOnly = new long[FIGURE_COUNT];
        long[] endOnly = new long[FIGURE_COUNT];
        if (status != null) {
            status.reviewFigures().addTo(onBoth);
            status.reviewFigures().addTo(endOnly);
        }
        if (previous != null) {
            addStartOfYear(previous, onBoth);
            addStartOfYear(previous, startOnly);
        }
        addMovement(movement.onBoth(), onBoth);
        addMovement(movement.startOnly(), startOnly);
        addMovement(movement.endOnly(), endOnly);
        return new HouseholdYearContribution(movement.paths(), Tally.owning(onBoth), Tally.owning(startOnly),
                Tally.owning(endOnly));
    }

    /** Adds what the household's previous-year status adds to every unit of its start path: the previous year's final figures. */
    private static void addStartOfYear(HouseholdStatus previous, long[] counts) {
        counts[Figure.START_HOUSEHOLDS.ordinal()] += 1;
        counts[Figure.START_ETHNIC_MINORITY_POOR.ordinal()] += previous.reviewFigures().get(Figure.ETHNIC_MINORITY_POOR);
    }

    private static void addMovement(MovementTally movement, long[] counts) {
        for (MovementFigure figure : MOVEMENT_FIGURES) {
            counts[FIGURE_OF_MOVEMENT[figure.ordinal()]] += movement.get(figure);
        }
    }

    /** The movement figures of a tally, for checking their balance. */
    public static MovementTally movementOf(Tally tally) {
        long[] counts = new long[MOVEMENT_FIGURES.length];
        for (MovementFigure figure : MOVEMENT_FIGURES) {
            counts[figure.ordinal()] = tally.get(Figure.of(figure));
        }
        return MovementTally.of(counts);
    }

}
