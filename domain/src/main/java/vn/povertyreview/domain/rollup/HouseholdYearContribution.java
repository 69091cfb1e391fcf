package vn.povertyreview.domain.rollup;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import vn.povertyreview.domain.movement.UnitPaths;

/**
 * Everything one household adds to the units of one review year ({@link
 * HouseholdYearFigures#contribution}), said once per position a unit can have on its {@linkplain
 * UnitPaths paths}: {@code onBoth} for a unit on its start and end path, {@code startOnly} for one
 * on the start path only, {@code endOnly} for one on the end path only.
 *
 * <p>Immutable and thread-safe.
 */
public record HouseholdYearContribution(UnitPaths paths, Tally onBoth, Tally startOnly, Tally endOnly) {

    /** Every unit the household adds to with what it adds ({@link UnitPaths#forEachUnit}). */
    public void forEachUnit(BiConsumer<String, Tally> action) {
        paths.forEachUnit(onBoth, startOnly, endOnly, action);
    }

    /** What the household adds to {@code unit}: zero when the unit is on neither of its paths. */
    public Tally on(String unit) {
        boolean inStart = paths.startPath().contains(unit);
        boolean inEnd = paths.endPath().contains(unit);
        return inStart && inEnd ? onBoth : inStart ? startOnly : inEnd ? endOnly : Tally.ZERO;
    }

    /**
     * Hands every unit whose figures change when the household's contribution goes from {@code was}
     * to {@code now} the change (what {@code now} adds less what {@code was} added); units whose
     * change is zero are left out. When the paths stay the same, as for most reviews, the change is
     * three subtractions however many units the paths hold.
     */
    public static void forEachChange(HouseholdYearContribution was, HouseholdYearContribution now,
            BiConsumer<String, Tally> action) {
        BiConsumer<String, Tally> nonZero = (unit, change) -> {
            if (!change.isZero()) {
                action.accept(unit, change);
            }
        };
        if (was.paths.equals(now.paths)) {
            was.paths.forEachUnit(now.onBoth.minus(was.onBoth), now.startOnly.minus(was.startOnly),
                    now.endOnly.minus(was.endOnly), nonZero);
            return;
        }
        Set<String> units = new LinkedHashSet<>();
        was.forEachUnit((unit, tally) -> units.add(unit));
        now.forEachUnit((unit, tally) -> units.add(unit));
        for (String unit : units) {
            nonZero.accept(unit, now.on(unit).minus(was.on(unit)));
        }
    }
}
