package vn.povertyreview.domain.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import vn.povertyreview.domain.rollup.Rates;
import vn.povertyreview.domain.rollup.Tally;

/**
 * A unit's figure judged against its target: where the target puts the end of the year, how far
 * the unit is from it, how much of the plan is done, and its {@link TargetStatus}.
 *
 * <h2>End of the year</h2>
 * With {@code v} the target's value, B the baseline and C the current figure:
 * <ul>
 *   <li>{@link TargetKind#RATE_POINTS}: end rate = B's rate − v;
 *   <li>{@link TargetKind#END_RATE}: end rate = v;
 *   <li>{@link TargetKind#HOUSEHOLDS}: end households = B's poor − v;
 *   <li>{@link TargetKind#BASELINE_PERCENT}: end households = B's poor × (1 − v/100), rounded
 *       down: the target is a most to reach, so 35% of 101 households leaves at most 65, not 66.
 * </ul>
 * For the rate kinds, end households is the most poor households C's total allows at the end
 * rate: the largest count whose rate, as {@link Rates#percent} states it (4 decimals), is at or
 * below the end rate. That is end rate × total ÷ 100 rounded down, plus any further households
 * that still round to the end rate, so that the gaps in points and in households never disagree
 * on which side of the target the unit is. For the household kinds, end rate = end households
 * over C's total ({@link Rates#percent}).
 *
 * <p>A target asking for more than the baseline holds (13 fewer poor households in a village of
 * 10, 4 points off a rate of 3%) gets a negative end figure: the arithmetic is kept, not hidden,
 * so the target can only be missed and the alert shows by how much.
 *
 * <h2>Gaps and completion</h2>
 * Gap = current − end, in households and in percentage points (rates of 4 decimals): positive
 * while the unit is still short of the target, zero or negative at or beyond it. The target's
 * own unit decides (points for the rate kinds, households for the household kinds); the other
 * gap is derived. Where one household is worth less than 0.0001 points (more than a million
 * households) the derived gap in points of a household kind may read 0 while a household short.
 *
 * <p>Plan completion = achieved reduction ÷ targeted reduction × 100, 2 decimals, half up, in the
 * target's own unit: achieved = baseline − current, targeted = baseline − end (for
 * {@link TargetKind#RATE_POINTS} and {@link TargetKind#HOUSEHOLDS}, exactly v). It exceeds 100
 * when the target is over-achieved and is negative when poverty rose. When the targeted reduction
 * is zero or negative (a baseline of zero poor households for a percent target, an end rate the
 * baseline was already below) there is nothing to divide by: completion is 100.00 when the unit
 * is at or beyond the end figure and 0.00 when it is not. Completion is a rounded report figure;
 * the status is decided on the gap, never on the rounded completion.
 *
 * <h2>Status</h2>
 * Once the year is closed the status is final: {@link TargetStatus#MET} when the unit is at or
 * beyond the end figure (gap ≤ 0, so exactly at it is met), else {@link TargetStatus#MISSED}.
 * While it is open, with {@code reviewedShare} the share of the unit's baseline households
 * reviewed so far this year, clamped to [0, 1]:
 * <ul>
 *   <li>{@link TargetStatus#ON_TRACK} when the unit is already at or beyond the end figure;
 *   <li>{@link TargetStatus#AT_RISK} otherwise when achieved &lt; reviewedShare × targeted: the unit
 *       is behind the pace that would meet the target by the time every household is reviewed
 *       (a unit that was already at the target at the baseline and has slipped above it is always
 *       at risk);
 *   <li>{@link TargetStatus#ON_TRACK} otherwise, exactly on pace included.
 * </ul>
 * Achieved and the pace are compared exactly, in the target's own unit.
 *
 * <p>Immutable and thread-safe.
 */
public final class TargetAssessment {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int COMPLETION_SCALE = 2;

    private final Target target;
    private final PovertyCount baseline;
    private final PovertyCount current;
    private final BigDecimal reviewedShare;
    private final boolean yearClosed;
    private final long endPoorHouseholds;
    private final BigDecimal endRate;
    private final BigDecimal targetedReduction;
    private final BigDecimal achievedReduction;
    private final BigDecimal completionPercent;
    private final TargetStatus status;

    private TargetAssessment(Target target, PovertyCount baseline, PovertyCount current, BigDecimal reviewedShare,
            boolean yearClosed) {
        this.target = target;
        this.baseline = baseline;
        this.current = current;
        this.reviewedShare = reviewedShare;
        this.yearClosed = yearClosed;
        BigDecimal value = target.value();
        switch (target.kind()) {
            case RATE_POINTS, END_RATE -> {
                BigDecimal end = target.kind() == TargetKind.RATE_POINTS ? baseline.rate().subtract(value) : value;
                // Exact: the target's value has at most Rates.SCALE decimals.
                endRate = end.setScale(Rates.SCALE, RoundingMode.UNNECESSARY);
                endPoorHouseholds = mostPoorAtOrBelow(endRate, current.totalHouseholds());
                targetedReduction = baseline.rate().subtract(endRate);
                achievedReduction = baseline.rate().subtract(current.rate());
            }
            case HOUSEHOLDS, BASELINE_PERCENT -> {
                long poor = baseline.poorHouseholds();
                endPoorHouseholds = target.kind() == TargetKind.HOUSEHOLDS
                        ? poor - value.longValueExact()
                        : BigDecimal.valueOf(poor).multiply(HUNDRED.subtract(value))
                                .divide(HUNDRED).setScale(0, RoundingMode.FLOOR).longValueExact();
                endRate = Rates.percent(endPoorHouseholds, current.totalHouseholds());
                targetedReduction = BigDecimal.valueOf(poor - endPoorHouseholds);
                achievedReduction = BigDecimal.valueOf(poor - current.poorHouseholds());
            }
            default -> throw new IllegalStateException("unknown target kind " + target.kind());
        }
        boolean atOrBeyond = achievedReduction.compareTo(targetedReduction) >= 0;
        if (targetedReduction.signum() > 0) {
            completionPercent = achievedReduction.multiply(HUNDRED)
                    .divide(targetedReduction, COMPLETION_SCALE, RoundingMode.HALF_UP);
        } else {
            completionPercent = (atOrBeyond ? HUNDRED : BigDecimal.ZERO).setScale(COMPLETION_SCALE);
        }
        if (yearClosed) {
            status = atOrBeyond ? TargetStatus.MET : TargetStatus.MISSED;
        } else if (atOrBeyond) {
            status = TargetStatus.ON_TRACK;
        } else {
            status = achievedReduction.compareTo(reviewedShare.multiply(targetedReduction)) < 0
                    ? TargetStatus.AT_RISK : TargetStatus.ON_TRACK;
        }
    }

    /**
     * Judges {@code current} against {@code target}.
     *
     * @param previousYearFinal the unit's final figure of the previous review year, the baseline
     *        unless the target states its own ({@link Target#baselineOr}); may be null then
     * @param current the unit's figure as it stands now, counted as the target's measure counts
     * @param reviewedShare the share (0 to 1) of the unit's baseline households reviewed so far
     *        this year; values outside [0, 1] are taken as 0 or 1
     * @param yearClosed whether the review year is closed, which makes the status final
     * @throws TargetRuleException {@code baseline.required} when there is no baseline,
     *         {@code reviewedShare.number} when the share is missing
     */
    public static TargetAssessment of(Target target, PovertyCount previousYearFinal, PovertyCount current,
            BigDecimal reviewedShare, boolean yearClosed) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(current, "current");
        if (reviewedShare == null) {
            throw shareNotANumber("nothing");
        }
        return new TargetAssessment(target, target.baselineOr(previousYearFinal), current, clamp(reviewedShare),
                yearClosed);
    }

    /**
     * Judges the unit whose rollup sum is {@code sum} against {@code target}: the previous year's
     * final figure is {@link TargetMeasure#previousYearFinalIn}, the current figure
     * {@link TargetMeasure#countIn} and the reviewed share HOUSEHOLDS ÷ START_HOUSEHOLDS
     * (rounded down at 20 decimals, so that exactly on pace stays on track; 1 when
     * START_HOUSEHOLDS is 0).
     *
     * @throws TargetRuleException when the sum's counts break a rule of {@link PovertyCount}, or
     *         {@code baseline.required} when the target states no baseline and the unit has no
     *         previous year
     */
    public static TargetAssessment of(Target target, Tally sum, boolean yearClosed) {
        TargetMeasure measure = target.measure();
        // Read even when the target states its baseline, so that a sum whose start figures break a
        // rule is never judged.
        PovertyCount previousYearFinal = measure.previousYearFinalIn(sum).orElse(null);
        return of(target, previousYearFinal, measure.countIn(sum), ReviewedShare.of(sum), yearClosed);
    }

    /** As {@link #of(Target, PovertyCount, PovertyCount, BigDecimal, boolean)}, with the share as a double (its shortest decimal form). */
    public static TargetAssessment of(Target target, PovertyCount previousYearFinal, PovertyCount current,
            double reviewedShare, boolean yearClosed) {
        if (Double.isNaN(reviewedShare) || Double.isInfinite(reviewedShare)) {
            throw shareNotANumber(Double.toString(reviewedShare));
        }
        return of(target, previousYearFinal, current, BigDecimal.valueOf(reviewedShare), yearClosed);
    }

    public Target target() {
        return target;
    }

    /** The figure the target is measured from: the stated baseline or the previous year's final figure. */
    public PovertyCount baseline() {
        return baseline;
    }

    public PovertyCount current() {
        return current;
    }

    /** The share of baseline households reviewed so far, clamped to [0, 1]. */
    public BigDecimal reviewedShare() {
        return reviewedShare;
    }

    public boolean yearClosed() {
        return yearClosed;
    }

    public long baselinePoorHouseholds() {
        return baseline.poorHouseholds();
    }

    public BigDecimal baselineRate() {
        return baseline.rate();
    }

    public long currentPoorHouseholds() {
        return current.poorHouseholds();
    }

    public BigDecimal currentRate() {
        return current.rate();
    }

    /** The most poor households the target allows at the end of the year; negative when it asks for more than the baseline holds. */
    public long endPoorHouseholds() {
        return endPoorHouseholds;
    }

    /** The highest rate the target allows at the end of the year, 4 decimals. */
    public BigDecimal endRate() {
        return endRate;
    }

    /** Current − end poor households: positive while short of the target, zero or negative at or beyond it. */
    public long gapHouseholds() {
        return current.poorHouseholds() - endPoorHouseholds;
    }

    /** Current − end rate in percentage points, 4 decimals: positive while short, zero or negative at or beyond. */
    public BigDecimal gapPoints() {
        return current.rate().subtract(endRate);
    }

    /** Baseline − end in the target's own unit: percentage points for the rate kinds, households for the others. */
    public BigDecimal targetedReduction() {
        return targetedReduction;
    }

    /** Baseline − current in the target's own unit; negative when poverty rose. */
    public BigDecimal achievedReduction() {
        return achievedReduction;
    }

    /** Achieved ÷ targeted reduction × 100, 2 decimals half up; 100.00 or 0.00 when nothing was to be reduced. */
    public BigDecimal completionPercent() {
        return completionPercent;
    }

    public TargetStatus status() {
        return status;
    }

    /** Whether the unit is at or beyond the end figure of its target, in the target's own unit. */
    public boolean atOrBeyondTarget() {
        return achievedReduction.compareTo(targetedReduction) >= 0;
    }

    /** The alert sentences naming the unit by its code only. */
    public AlertText alertText() {
        return alertText(null, null);
    }

    /**
     * One sentence in Vietnamese and one in English describing this assessment for an alert: the
     * unit, the year, the target, the baseline, end and current figures, the gap in households and
     * in points, the completion and the status.
     *
     * @param unitNameVi the unit's name with its parents as a Vietnamese report writes them
     *        ("Xã Tân Lập, huyện Đan Phượng, TP Hà Nội"), or null or blank to name it by its code only
     * @param unitNameEn the same in English ("Tan Lap commune, Dan Phuong district, Ha Noi"), or null or blank
     */
    public AlertText alertText(String unitNameVi, String unitNameEn) {
        String code = target.unitCode();
        String unitVi = isBlank(unitNameVi) ? "Đơn vị " + code : unitNameVi + " (mã " + code + ")";
        String unitEn = isBlank(unitNameEn) ? "Unit " + code : unitNameEn + " (unit " + code + ")";
        return new AlertText(
                unitVi + ", năm rà soát " + target.reviewYear() + ": chỉ tiêu " + target.describeVi()
                        + " (" + figuresVi() + "); " + gapVi() + ", đạt " + Formats.number(completionPercent, true)
                        + "% kế hoạch, trạng thái: " + status.vietnamese() + ".",
                unitEn + ", review year " + target.reviewYear() + ": target to " + target.describeEn()
                        + " (" + figuresEn() + "); " + gapEn() + ", plan completion "
                        + Formats.number(completionPercent, false) + "%, status: " + status.english() + ".");
    }

    private String figuresVi() {
        if (target.kind().byRate()) {
            return "từ " + Formats.points(baselineRate(), true) + "% xuống không quá " + Formats.points(endRate, true)
                    + "%, hiện nay " + Formats.points(currentRate(), true) + "%";
        }
        return "từ " + Formats.number(baselinePoorHouseholds(), true) + " xuống không quá "
                + Formats.number(endPoorHouseholds, true) + " " + target.measure().poorHouseholdsVi()
                + ", hiện nay " + Formats.number(currentPoorHouseholds(), true) + " hộ";
    }

    private String figuresEn() {
        if (target.kind().byRate()) {
            return "from " + Formats.points(baselineRate(), false) + "% to at most " + Formats.points(endRate, false)
                    + "%, now " + Formats.points(currentRate(), false) + "%";
        }
        return "from " + Formats.number(baselinePoorHouseholds(), false) + " to at most "
                + Formats.number(endPoorHouseholds, false) + " " + target.measure().poorHouseholdsEn()
                + ", now " + Formats.number(currentPoorHouseholds(), false);
    }

    private String gapVi() {
        if (gapHouseholds() == 0 && gapPoints().signum() == 0) {
            return "đạt đúng mức chỉ tiêu";
        }
        String amounts = Formats.number(Math.abs(gapHouseholds()), true) + " hộ và "
                + Formats.points(gapPoints().abs(), true) + " điểm phần trăm";
        return atOrBeyondTarget() ? "vượt chỉ tiêu " + amounts : "còn thiếu " + amounts + " so với chỉ tiêu";
    }

    private String gapEn() {
        if (gapHouseholds() == 0 && gapPoints().signum() == 0) {
            return "exactly at the target";
        }
        String amounts = Formats.number(Math.abs(gapHouseholds()), false) + " households and "
                + Formats.points(gapPoints().abs(), false) + " percentage points";
        return atOrBeyondTarget() ? "beyond the target by " + amounts : "still short by " + amounts;
    }

    /**
     * The largest number of poor households whose rate over {@code total}, as officials state it,
     * is at or below {@code endRate}. Rounding down end rate × total ÷ 100 is not enough: 1 of 7
     * households is 14.285714%, which states as 14.2857 and meets an end rate of 14.2857, though
     * 14.2857 × 7 ÷ 100 rounds down to 0.
     */
    private static long mostPoorAtOrBelow(BigDecimal endRate, long total) {
        if (total == 0) {
            // An empty unit's rate is zero: it meets any end rate of zero or more, and no negative one.
            return endRate.signum() >= 0 ? 0 : -1;
        }
        long poor = endRate.multiply(BigDecimal.valueOf(total)).divide(HUNDRED)
                .setScale(0, RoundingMode.FLOOR).longValueExact();
        // Rounding half up to 4 decimals moves a rate by at most 0.00005 points: a handful of
        // households in a unit of millions, none in a small one, so this loop is short.
        while (poor < total && Rates.percent(poor + 1, total).compareTo(endRate) <= 0) {
            poor++;
        }
        return Math.min(poor, total);
    }

    private static BigDecimal clamp(BigDecimal share) {
        if (share.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return share.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : share;
    }

    private static TargetRuleException shareNotANumber(String given) {
        return TargetRuleException.of("reviewedShare", "reviewedShare.number",
                "Tỷ lệ số hộ đã rà soát phải là một số từ 0 đến 1 (đang là " + given + ").",
                "The share of households reviewed so far must be a number from 0 to 1; it is " + given + ".");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetAssessment other
                && target.equals(other.target)
                && baseline.equals(other.baseline)
                && current.equals(other.current)
                && reviewedShare.compareTo(other.reviewedShare) == 0
                && yearClosed == other.yearClosed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, baseline, current, reviewedShare.stripTrailingZeros(), yearClosed);
    }

    @Override
    public String toString() {
        return "TargetAssessment[" + target.unitCode() + " " + target.reviewYear() + " " + target.kind() + " "
                + target.value() + ": end " + endPoorHouseholds + " households / " + endRate + "%, gap "
                + gapHouseholds() + " households / " + gapPoints() + " points, completion " + completionPercent
                + "%, " + status + "]";
    }
}
