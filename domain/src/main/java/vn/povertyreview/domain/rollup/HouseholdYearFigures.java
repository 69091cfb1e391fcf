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
 * in every unit of its place, and its movement ({@link Movements}) from its history. A function of
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
        return Collections.unmodifiableMap(figures);
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
