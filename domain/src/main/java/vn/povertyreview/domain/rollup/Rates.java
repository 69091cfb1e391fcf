package vn.povertyreview.domain.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rates as officials state them: households ÷ total households × 100, in percent. */
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
}
