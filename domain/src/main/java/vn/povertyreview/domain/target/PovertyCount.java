package vn.povertyreview.domain.target;

import java.math.BigDecimal;
import vn.povertyreview.domain.rollup.Rates;

/**
 * A unit's poor households and all its households at one moment: a baseline, or the figure as it
 * stands now. "Poor" is as the target's {@link TargetMeasure} counts it (all poor households, or
 * the ethnic-minority poor ones); the total is always all households.
 *
 * <p>Creating one throws {@link TargetRuleException} when a count is negative
 * ({@code poorHouseholds.notNegative}, {@code totalHouseholds.notNegative}) or there are more poor
 * households than households ({@code poorHouseholds.atMostTotal}).
 *
 * <p>Immutable and thread-safe.
 */
public record PovertyCount(long poorHouseholds, long totalHouseholds) {

    public PovertyCount {
        if (poorHouseholds < 0) {
            throw TargetRuleException.of("poorHouseholds", "poorHouseholds.notNegative",
                    "Số hộ nghèo không thể âm (đang là " + poorHouseholds + ").",
                    "The number of poor households cannot be below zero; it says " + poorHouseholds + ".");
        }
        if (totalHouseholds < 0) {
            throw TargetRuleException.of("totalHouseholds", "totalHouseholds.notNegative",
                    "Tổng số hộ không thể âm (đang là " + totalHouseholds + ").",
                    "The number of households cannot be below zero; it says " + totalHouseholds + ".");
        }
        if (poorHouseholds > totalHouseholds) {
            throw TargetRuleException.of("poorHouseholds", "poorHouseholds.atMostTotal",
                    "Số hộ nghèo (" + poorHouseholds + ") không thể lớn hơn tổng số hộ (" + totalHouseholds + ").",
                    "There cannot be more poor households (" + poorHouseholds + ") than households ("
                            + totalHouseholds + ").");
        }
    }

    /** Poor households over all households × 100, as {@link Rates#percent} states it: 4 decimals, zero for an empty unit. */
    public BigDecimal rate() {
        return Rates.percent(poorHouseholds, totalHouseholds);
    }
}
