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

    private HouseholdYearFigures() {
    }

    /** Per unit code of {@code year}'s map, in a stable order; units it adds nothing to are left out. */
    public static Map<String, Tally> of(HouseholdHistory history, int year, AdminSuccession succession) {
        Map<String, Tally> figures = new LinkedHashMap<>();
        HouseholdStatus status = history.in(year).orElse(null);
        if (status != null) {
            for (String unit : status.place().unitCodes()) {
                figures.put(unit, status.reviewFigures());
            }
        }
        for (Map.Entry<String, MovementTally> movement : Movements.of(history, year, succession).entrySet()) {
            figures.merge(movement.getKey(), of(movement.getValue()), Tally::plus);
        }
        HouseholdStatus previous = history.in(year - 1).orElse(null);
        if (previous != null) {
            Tally start = startOfYear(previous);
            for (String unit : Movements.startPath(history, year, succession)) {
                figures.merge(unit, start, Tally::plus);
            }
        }
        return Collections.unmodifiableMap(figures);
    }

    /** What the household's previous-year status adds to every unit of its start path: the previous year's final figures. */
    private static Tally startOfYear(HouseholdStatus previous) {
        long[] counts = new long[Figure.values().length];
        counts[Figure.START_HOUSEHOLDS.ordinal()] = 1;
        counts[Figure.START_ETHNIC_MINORITY_POOR.ordinal()] = previous.reviewFigures().get(Figure.ETHNIC_MINORITY_POOR);
        return Tally.of(counts);
    }

    /** The movement figures of a tally, for checking their balance. */
    public static MovementTally movementOf(Tally tally) {
        long[] counts = new long[MovementFigure.values().length];
        for (MovementFigure figure : MovementFigure.values()) {
            counts[figure.ordinal()] = tally.get(Figure.of(figure));
        }
        return MovementTally.of(counts);
    }

    /** The movement counts as rollup figures. */
    static Tally of(MovementTally movement) {
        long[] counts = new long[Figure.values().length];
        for (MovementFigure figure : MovementFigure.values()) {
            counts[Figure.of(figure).ordinal()] = movement.get(figure);
        }
        return Tally.of(counts);
    }
}
