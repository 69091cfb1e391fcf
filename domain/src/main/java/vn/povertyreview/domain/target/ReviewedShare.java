package vn.povertyreview.domain.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Tally;

/**
 * The share of a unit's baseline households reviewed so far this year, the pace an open year's
 * status is judged by ({@link TargetAssessment}).
 */
final class ReviewedShare {

    /** Decimals of the share: far more than a count of households needs. */
    static final int SCALE = 20;

    private ReviewedShare() {
    }

    /**
     * HOUSEHOLDS ÷ START_HOUSEHOLDS of {@code sum}, rounded down at {@link #SCALE} decimals so that
     * a unit exactly on pace (2 of 3 reviewed, 2 of 3 reduced) stays on track instead of being
     * behind by a rounding. 1 when START_HOUSEHOLDS is 0: with no households to measure the pace
     * against, the unit is held to the whole target at once. Not clamped: {@link TargetAssessment}
     * takes it to [0, 1].
     */
    static BigDecimal of(Tally sum) {
        long startHouseholds = sum.get(Figure.START_HOUSEHOLDS);
        return startHouseholds == 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(sum.get(Figure.HOUSEHOLDS))
                        .divide(BigDecimal.valueOf(startHouseholds), SCALE, RoundingMode.FLOOR);
    }
}
