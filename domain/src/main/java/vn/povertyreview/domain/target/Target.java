package vn.povertyreview.domain.target;

import java.math.BigDecimal;
import java.util.Optional;
import vn.povertyreview.domain.review.ReviewYears;
import vn.povertyreview.domain.rollup.Rates;

/**
 * A unit's poverty-reduction target (chỉ tiêu giảm nghèo) for one review year, as the level above
 * assigned it: the unit's code (province, district, commune or village), the year, what it reduces
 * ({@code measure}), in which form ({@code kind}) and by how much ({@code value}, as stated, so
 * that "4.0" prints as the plan wrote it).
 *
 * <p>The baseline is the unit's final figure of the previous year unless the target states its own
 * ({@code statedBaseline}, as five-year plans do with the count at the start of the period);
 * {@link #baselineOr} is the one place that choice is made.
 *
 * <p>The rules, each thrown as a {@link TargetRuleException} with the rule's stable name:
 * <ul>
 *   <li>{@code unitCode.required}, {@code reviewYear.range} (a year of {@link ReviewYears}),
 *       {@code measure.required}, {@code kind.required}, {@code value.required};
 *   <li>{@code value.positive}: a reduction greater than zero, except for {@link TargetKind#END_RATE},
 *       whose rate may be zero but not below ({@code value.notNegative});
 *   <li>{@code value.atMost100}: no rate, fall of a rate or share of the baseline beyond 100;
 *   <li>{@code value.wholeHouseholds}: {@link TargetKind#HOUSEHOLDS} counts whole households;
 *   <li>{@code value.decimals}: at most {@link Rates#SCALE} decimals, those of a rate, so that
 *       every end figure is exact and no target is loosened by rounding.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public record Target(String unitCode, int reviewYear, TargetMeasure measure, TargetKind kind, BigDecimal value,
        Optional<PovertyCount> statedBaseline) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Target {
        statedBaseline = statedBaseline == null ? Optional.empty() : statedBaseline;
        if (unitCode == null || unitCode.isBlank()) {
            throw TargetRuleException.of("unitCode", "unitCode.required",
                    "Thiếu mã đơn vị được giao chỉ tiêu.", "The code of the unit the target is assigned to is missing.");
        }
        if (!ReviewYears.isSupported(reviewYear)) {
            throw TargetRuleException.of("reviewYear", "reviewYear.range",
                    "Năm rà soát phải từ " + ReviewYears.FIRST + " đến " + ReviewYears.LAST + " (đang là " + reviewYear + ").",
                    "The review year must be between " + ReviewYears.FIRST + " and " + ReviewYears.LAST
                            + "; it says " + reviewYear + ".");
        }
        if (measure == null) {
            throw TargetRuleException.of("measure", "measure.required",
                    "Chỉ tiêu chưa nêu giảm tỷ lệ hộ nghèo hay tỷ lệ hộ nghèo dân tộc thiểu số.",
                    "The target does not say whether it reduces the poverty rate or the ethnic-minority poverty rate.");
        }
        if (kind == null) {
            throw TargetRuleException.of("kind", "kind.required",
                    "Chỉ tiêu chưa nêu hình thức giao (điểm phần trăm, số hộ, phần trăm số hộ đầu kỳ hay tỷ lệ cuối năm).",
                    "The target does not say its form (percentage points, households, percent of the baseline or end rate).");
        }
        if (value == null) {
            throw TargetRuleException.of("value", "value.required",
                    "Chỉ tiêu chưa có mức giao.", "The target does not say how much.");
        }
        checkValue(kind, value);
    }

    /** A target measured against the unit's previous-year final figure. */
    public static Target of(String unitCode, int reviewYear, TargetMeasure measure, TargetKind kind, BigDecimal value) {
        return new Target(unitCode, reviewYear, measure, kind, value, Optional.empty());
    }

    /** This target, measured against {@code baseline} instead of the previous year's final figure. */
    public Target withStatedBaseline(PovertyCount baseline) {
        return new Target(unitCode, reviewYear, measure, kind, value, Optional.of(baseline));
    }

    /**
     * The baseline the target is measured against: the one it states, else {@code previousYearFinal},
     * the unit's final figure of the previous review year (ignored when the target states one).
     *
     * @throws TargetRuleException {@code baseline.required} when there is neither
     */
    public PovertyCount baselineOr(PovertyCount previousYearFinal) {
        if (statedBaseline.isPresent()) {
            return statedBaseline.get();
        }
        if (previousYearFinal == null) {
            throw TargetRuleException.of("baseline", "baseline.required",
                    "Chỉ tiêu không nêu số liệu đầu kỳ và đơn vị " + unitCode + " chưa có số liệu chính thức năm "
                            + (reviewYear - 1) + " để làm căn cứ.",
                    "The target states no baseline and unit " + unitCode + " has no final figure for "
                            + (reviewYear - 1) + " to start from.");
        }
        return previousYearFinal;
    }

    /** What the target asks for, in a Vietnamese phrase: "giảm tỷ lệ hộ nghèo ít nhất 4,0 điểm phần trăm". */
    public String describeVi() {
        String v = Formats.number(value, true);
        return switch (kind) {
            case RATE_POINTS -> "giảm " + measure.rateVi() + " ít nhất " + v + " điểm phần trăm";
            case HOUSEHOLDS -> "giảm ít nhất " + v + " " + measure.poorHouseholdsVi();
            case BASELINE_PERCENT -> "giảm ít nhất " + v + "% số " + measure.poorHouseholdsVi() + " đầu kỳ";
            case END_RATE -> "đưa " + measure.rateVi() + " xuống không quá " + v + "% vào cuối năm";
        };
    }

    /** What the target asks for, in an English phrase: "reduce the poverty rate by at least 4.0 percentage points". */
    public String describeEn() {
        String v = Formats.number(value, false);
        return switch (kind) {
            case RATE_POINTS -> "reduce the " + measure.rateEn() + " by at least " + v + " percentage points";
            case HOUSEHOLDS -> "reduce " + measure.poorHouseholdsEn() + " by at least " + v;
            case BASELINE_PERCENT -> "reduce the baseline's " + measure.poorHouseholdsEn() + " by at least " + v + "%";
            case END_RATE -> "bring the " + measure.rateEn() + " down to at most " + v + "% by year end";
        };
    }

    private static void checkValue(TargetKind kind, BigDecimal value) {
        String vi = Formats.number(value, true);
        String en = Formats.number(value, false);
        if (kind == TargetKind.END_RATE) {
            if (value.signum() < 0) {
                throw TargetRuleException.of("value", "value.notNegative",
                        "Tỷ lệ cần đạt cuối năm không thể âm (đang là " + vi + "%).",
                        "The rate to reach by year end cannot be below zero; the target says " + en + "%.");
            }
        } else if (value.signum() <= 0) {
            throw TargetRuleException.of("value", "value.positive",
                    "Mức giảm của chỉ tiêu phải lớn hơn 0 (đang là " + vi + ").",
                    "A reduction target must ask for a reduction greater than zero; the target says " + en + ".");
        }
        if (kind == TargetKind.HOUSEHOLDS) {
            if (value.stripTrailingZeros().scale() > 0) {
                throw TargetRuleException.of("value", "value.wholeHouseholds",
                        "Số hộ nghèo cần giảm phải là số nguyên (đang là " + vi + ").",
                        "A target in households must be a whole number of households; the target says " + en + ".");
            }
            return;
        }
        if (value.compareTo(HUNDRED) > 0) {
            throw switch (kind) {
                case RATE_POINTS -> TargetRuleException.of("value", "value.atMost100",
                        "Tỷ lệ không thể giảm quá 100 điểm phần trăm (chỉ tiêu là " + vi + ").",
                        "A rate cannot fall by more than 100 percentage points; the target says " + en + ".");
                case BASELINE_PERCENT -> TargetRuleException.of("value", "value.atMost100",
                        "Không thể giảm quá 100% số hộ nghèo đầu kỳ (chỉ tiêu là " + vi + "%).",
                        "A target cannot reduce the baseline's poor households by more than 100%; the target says "
                                + en + "%.");
                default -> TargetRuleException.of("value", "value.atMost100",
                        "Tỷ lệ cần đạt không thể quá 100% (chỉ tiêu là " + vi + "%).",
                        "A rate cannot be above 100%; the target says " + en + "%.");
            };
        }
        if (value.stripTrailingZeros().scale() > Rates.SCALE) {
            throw TargetRuleException.of("value", "value.decimals",
                    "Chỉ tiêu chỉ ghi tối đa " + Rates.SCALE + " chữ số thập phân (đang là " + vi + ").",
                    "A target is stated with at most " + Rates.SCALE + " decimals; the target says " + en + ".");
        }
    }
}
