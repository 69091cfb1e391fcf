package vn.povertyreview.domain.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rates as officials state them: households ÷ total households × 100, in percent. A rate that is
 * shown is rounded once, from the counts ({@link #shown}): rounding {@link #percent}'s four decimals
 * again to two would print 36 of 715 (5.0349…%, 5.0350 at four decimals) as 5.04 instead of 5.03.
 */
public final class Rates {

    /** Four decimals: two more than reports print, so that differences of rates stay exact enough. */
    public static final int SCALE = 4;

    private Rates() {
    }

    /** {@code part / total × 100}, rounded half up to {@link #SCALE} decimals; zero for an empty unit. */
    public static BigDecimal percent(long part, long total) {
        if (total == 0) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), SCALE, RoundingMode.HALF_UP);
    }

    /** Decimals of a rate as reports and exports show it. */
    public static final int SHOWN_SCALE = 2;

    /**
     * {@code part / total × 100} as reports show it: the exact quotient of the counts rounded once,
     * half away from zero, to {@link #SHOWN_SCALE} decimals; zero for an empty unit.
     */
    public static BigDecimal shown(long part, long total) {
        if (total == 0) {
            return BigDecimal.ZERO.setScale(SHOWN_SCALE);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), SHOWN_SCALE, RoundingMode.HALF_UP);
    }
}
