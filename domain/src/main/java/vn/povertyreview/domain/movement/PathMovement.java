package vn.povertyreview.domain.movement;

import java.util.function.BiConsumer;

/**
 * One household's movement contribution in one review year ({@link Movements#byPath}), said once
 * per position a unit can have on its {@linkplain UnitPaths paths}: {@code onBoth} for a unit on
 * its start and its end path, {@code startOnly} for one on the start path only (where it moved out
 * of, or was not yet reviewed in), {@code endOnly} for one on the end path only (where it moved
 * in, or is new).
 *
 * <p>Immutable and thread-safe.
 */
public record PathMovement(UnitPaths paths, MovementTally onBoth, MovementTally startOnly, MovementTally endOnly) {

    /** The contribution of a household with no status in the year or the year before: nothing, on no unit. */
    public static final PathMovement NONE = new PathMovement(UnitPaths.NONE, MovementTally.ZERO, MovementTally.ZERO,
            MovementTally.ZERO);

    /** Every unit of either path with what it gets ({@link UnitPaths#forEachUnit}). */
    public void forEachUnit(BiConsumer<String, MovementTally> action) {
        paths.forEachUnit(onBoth, startOnly, endOnly, action);
    }
}
