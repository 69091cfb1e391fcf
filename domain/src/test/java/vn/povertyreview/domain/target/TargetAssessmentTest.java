package vn.povertyreview.domain.target;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.domain.target.PovertyCountTest.households;
import static vn.povertyreview.domain.target.TargetStatus.AT_RISK;
import static vn.povertyreview.domain.target.TargetStatus.MET;
import static vn.povertyreview.domain.target.TargetStatus.MISSED;
import static vn.povertyreview.domain.target.TargetStatus.ON_TRACK;
import static vn.povertyreview.domain.target.TargetTest.assertBreaks;
import static vn.povertyreview.domain.target.Targets.aTarget;
import static vn.povertyreview.domain.target.Targets.count;
import static vn.povertyreview.domain.target.Targets.sum;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Tally;

class TargetAssessmentTest {

    @ParameterizedTest(name = "{0} {1}: {2}/{3} -> {4}/{5}: end {6} households {7}%, gap {8} households {9} points, {10}%, {11}")
    @CsvSource({
        // kind, value, baseline poor, total, current poor, total, end households, end rate, gap households, gap points, completion, closed status
        // Rate points: end rate = baseline rate - v; end households = most the current total allows at it.
        "RATE_POINTS, 4.0, 1000, 10000, 577, 10000, 600, 6.0000, -23, -0.2300, 105.75, MET",
        "RATE_POINTS, 4.0, 1000, 10000, 600, 10000, 600, 6.0000, 0, 0.0000, 100.00, MET",
        "RATE_POINTS, 4.0, 1000, 10000, 700, 10000, 600, 6.0000, 100, 1.0000, 75.00, MISSED",
        "RATE_POINTS, 4.0, 1000, 10000, 600, 9000, 540, 6.0000, 60, 0.6667, 83.33, MISSED",
        // Households: end households = baseline poor - v; end rate = end households over the current total.
        "HOUSEHOLDS, 13, 50, 400, 30, 400, 37, 9.2500, -7, -1.7500, 153.85, MET",
        "HOUSEHOLDS, 13, 50, 400, 37, 400, 37, 9.2500, 0, 0.0000, 100.00, MET",
        "HOUSEHOLDS, 13, 50, 400, 45, 400, 37, 9.2500, 8, 2.0000, 38.46, MISSED",
        "HOUSEHOLDS, 13, 50, 400, 37, 410, 37, 9.0244, 0, 0.0000, 100.00, MET",
        // Baseline percent: end households = baseline poor x (1 - v/100) rounded down: 65.65 -> 65, so 36 to reduce.
        "BASELINE_PERCENT, 35, 101, 1000, 60, 1000, 65, 6.5000, -5, -0.5000, 113.89, MET",
        "BASELINE_PERCENT, 35, 101, 1000, 65, 1000, 65, 6.5000, 0, 0.0000, 100.00, MET",
        "BASELINE_PERCENT, 35, 101, 1000, 66, 1000, 65, 6.5000, 1, 0.1000, 97.22, MISSED",
        "BASELINE_PERCENT, 35, 101, 1000, 70, 1000, 65, 6.5000, 5, 0.5000, 86.11, MISSED",
        // End rate: end rate = v.
        "END_RATE, 3.02, 500, 10000, 250, 10000, 302, 3.0200, -52, -0.5200, 126.26, MET",
        "END_RATE, 3.02, 500, 10000, 302, 10000, 302, 3.0200, 0, 0.0000, 100.00, MET",
        "END_RATE, 3.02, 500, 10000, 400, 10000, 302, 3.0200, 98, 0.9800, 50.51, MISSED",
        "END_RATE, 0, 10, 1000, 0, 1000, 0, 0.0000, 0, 0.0000, 100.00, MET",
        "END_RATE, 0, 10, 1000, 1, 1000, 0, 0.0000, 1, 0.1000, 90.00, MISSED",
    })
    void derivesEndFiguresGapsCompletionAndFinalStatusForEveryKind(TargetKind kind, String value,
            long basePoor, long baseTotal, long currentPoor, long currentTotal,
            long endHouseholds, String endRate, long gapHouseholds, String gapPoints, String completion, TargetStatus status) {
        TargetAssessment assessment = closed(aTarget().of(kind, value).build(), count(basePoor, baseTotal),
                count(currentPoor, currentTotal));

        assertThat(assessment.endPoorHouseholds()).isEqualTo(endHouseholds);
        assertThat(assessment.endRate()).isEqualTo(new BigDecimal(endRate));
        assertThat(assessment.gapHouseholds()).isEqualTo(gapHouseholds);
        assertThat(assessment.gapPoints()).isEqualTo(new BigDecimal(gapPoints));
        assertThat(assessment.completionPercent()).isEqualTo(new BigDecimal(completion));
        assertThat(assessment.status()).isEqualTo(status);
        assertThat(assessment.baselinePoorHouseholds()).isEqualTo(basePoor);
        assertThat(assessment.baselineRate()).isEqualTo(count(basePoor, baseTotal).rate());
        assertThat(assessment.currentPoorHouseholds()).isEqualTo(currentPoor);
        assertThat(assessment.currentRate()).isEqualTo(count(currentPoor, currentTotal).rate());
    }

    @Test
    void aProvinceThatCutItsRateBy4_23PointsAgainstA4PointTargetReports105_75Percent() {
        TargetAssessment province = closed(aTarget().forUnit("15").ratePoints("4.0").build(),
                count(28_000, 280_000), count(16_156, 280_000));

        assertThat(province.baselineRate()).isEqualByComparingTo("10.00");
        assertThat(province.currentRate()).isEqualByComparingTo("5.77");
        assertThat(province.achievedReduction()).isEqualByComparingTo("4.23");
        assertThat(province.targetedReduction()).isEqualByComparingTo("4.0");
        assertThat(province.completionPercent()).isEqualTo(new BigDecimal("105.75"));
        assertThat(province.status()).isEqualTo(MET);
    }

    @ParameterizedTest(name = "{0} {1}: {2}/{3} -> {4}/{5} -> {6}, {7}")
    @CsvSource({
        // A baseline of zero poor households: a percent of nothing asks for nothing...
        "BASELINE_PERCENT, 35, 0, 200, 0, 200, 0, 0, 100.00, MET",
        "BASELINE_PERCENT, 35, 0, 200, 1, 200, 0, 1, 0.00, MISSED",
        // ... an end rate the baseline is already below asks for a rise it does not want: 100% while at or below it...
        "END_RATE, 3.02, 0, 200, 6, 200, 6, 0, 100.00, MET",
        "END_RATE, 3.02, 0, 200, 7, 200, 6, 1, 0.00, MISSED",
        // ... and households or points below zero cannot be reached: the arithmetic stays, the target is missed.
        "HOUSEHOLDS, 3, 0, 200, 0, 200, -3, 3, 0.00, MISSED",
        "HOUSEHOLDS, 3, 0, 200, 1, 200, -3, 4, -33.33, MISSED",
        "RATE_POINTS, 1.5, 0, 200, 0, 200, -3, 3, 0.00, MISSED",
    })
    void aBaselineOfZeroPoorHouseholdsNeverDividesByZero(TargetKind kind, String value, long basePoor, long baseTotal,
            long currentPoor, long currentTotal, long endHouseholds, long gapHouseholds, String completion,
            TargetStatus status) {
        TargetAssessment assessment = closed(aTarget().of(kind, value).build(), count(basePoor, baseTotal),
                count(currentPoor, currentTotal));

        assertThat(assessment.endPoorHouseholds()).isEqualTo(endHouseholds);
        assertThat(assessment.gapHouseholds()).isEqualTo(gapHouseholds);
        // Both gaps agree on whether the unit is still short, though one may be zero while the other is below.
        assertThat(assessment.gapPoints().signum() > 0).isEqualTo(gapHouseholds > 0);
        assertThat(assessment.completionPercent()).isEqualTo(new BigDecimal(completion));
        assertThat(assessment.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} {1} from {2}, {4} reviewed: now {3} -> {5}")
    @CsvSource({
        // Half reviewed, 20 households to reduce: 10 reduced is exactly on pace, 9 one household behind.
        "HOUSEHOLDS, 20, 100, 90, 0.5, ON_TRACK",
        "HOUSEHOLDS, 20, 100, 91, 0.5, AT_RISK",
        "HOUSEHOLDS, 20, 100, 95, 0.25, ON_TRACK",
        "HOUSEHOLDS, 20, 100, 96, 0.25, AT_RISK",
        // Everyone reviewed: only the target itself is on pace.
        "HOUSEHOLDS, 20, 100, 80, 1, ON_TRACK",
        "HOUSEHOLDS, 20, 100, 81, 1, AT_RISK",
        // Nobody reviewed yet: on track unless poverty already rose.
        "HOUSEHOLDS, 20, 100, 100, 0, ON_TRACK",
        "HOUSEHOLDS, 20, 100, 101, 0, AT_RISK",
        // Beyond the target is on track however little has been reviewed.
        "HOUSEHOLDS, 20, 100, 70, 0.9, ON_TRACK",
        // 36 to reduce (65.65 rounds down to 65), half reviewed: 18 on pace.
        "BASELINE_PERCENT, 35, 101, 83, 0.5, ON_TRACK",
        "BASELINE_PERCENT, 35, 101, 84, 0.5, AT_RISK",
        // Of 10,000 households, a quarter reviewed against 4 points: 1 point (100 households) on pace.
        "RATE_POINTS, 4.0, 1000, 900, 0.25, ON_TRACK",
        "RATE_POINTS, 4.0, 1000, 901, 0.25, AT_RISK",
        // 1.98 points to reduce, half reviewed: 0.99 points on pace.
        "END_RATE, 3.02, 500, 401, 0.5, ON_TRACK",
        "END_RATE, 3.02, 500, 402, 0.5, AT_RISK",
    })
    void isAtRiskWhenBehindThePaceOfTheShareReviewedAndOnTrackWhenExactlyOnIt(TargetKind kind, String value,
            long basePoor, long currentPoor, String reviewedShare, TargetStatus status) {
        long total = kind.byRate() ? 10_000 : 1_000;
        TargetAssessment assessment = open(aTarget().of(kind, value).build(), count(basePoor, total),
                count(currentPoor, total), reviewedShare);

        assertThat(assessment.status()).isEqualTo(status);
        assertThat(assessment.yearClosed()).isFalse();
    }

    @Test
    void anEndRateTheBaselineWasAlreadyBelowIsOnTrackUntilTheRateRisesAboveIt() {
        Target target = aTarget().endRate("3.02").build();

        TargetAssessment below = open(target, count(200, 10_000), count(300, 10_000), "0.5");
        TargetAssessment above = open(target, count(200, 10_000), count(303, 10_000), "0.5");

        assertThat(below.targetedReduction()).isEqualByComparingTo("-1.02");
        assertThat(below.status()).isEqualTo(ON_TRACK);
        assertThat(below.completionPercent()).isEqualTo(new BigDecimal("100.00"));
        assertThat(above.status()).isEqualTo(AT_RISK);
        assertThat(above.completionPercent()).isEqualTo(new BigDecimal("0.00"));
        assertThat(above.gapHouseholds()).isEqualTo(1);
    }

    @Test
    void aClosedYearIsMetExactlyAtTheEndFigureAndMissedOneHouseholdAboveItWhateverWasReviewed() {
        Target target = aTarget().households("20").build();

        assertThat(closed(target, count(100, 1000), count(80, 1000)).status()).isEqualTo(MET);
        assertThat(closed(target, count(100, 1000), count(81, 1000)).status()).isEqualTo(MISSED);
        // Open with the same figures and all reviewed, 81 is only at risk: the year can still change it.
        assertThat(open(target, count(100, 1000), count(81, 1000), "1").status()).isEqualTo(AT_RISK);
        assertThat(TargetAssessment.of(target, count(100, 1000), count(80, 1000), 0.0, true).status()).isEqualTo(MET);
    }

    @Test
    void aRateThatRoundsToTheEndRateMeetsItInHouseholdsAsInPoints() {
        // 128 of 700 is 18.2857%; 4 points off is 14.2857%, and 100 of 700 (14.285714%) states as exactly that,
        // though 14.2857 x 700 / 100 = 99.9999 would round down to 99 households.
        TargetAssessment assessment = closed(aTarget().ratePoints("4").build(), count(128, 700), count(100, 700));

        assertThat(assessment.endRate()).isEqualTo(new BigDecimal("14.2857"));
        assertThat(assessment.endPoorHouseholds()).isEqualTo(100);
        assertThat(assessment.gapHouseholds()).isZero();
        assertThat(assessment.gapPoints()).isZero();
        assertThat(assessment.status()).isEqualTo(MET);
        assertThat(closed(aTarget().ratePoints("4").build(), count(128, 700), count(101, 700)).gapHouseholds()).isEqualTo(1);
    }

    @Test
    void aStatedBaselineOverridesThePreviousYearsFinalFigure() {
        Target stated = aTarget().households("20").statingBaseline(120, 1000).build();
        Target unstated = aTarget().households("20").build();

        TargetAssessment fromStated = closed(stated, count(100, 1000), count(100, 1000));
        TargetAssessment fromPrevious = closed(unstated, count(100, 1000), count(100, 1000));

        assertThat(fromStated.baseline()).isEqualTo(count(120, 1000));
        assertThat(fromStated.endPoorHouseholds()).isEqualTo(100);
        assertThat(fromStated.status()).isEqualTo(MET);
        assertThat(fromPrevious.endPoorHouseholds()).isEqualTo(80);
        assertThat(fromPrevious.status()).isEqualTo(MISSED);
        assertThat(TargetAssessment.of(stated, null, count(100, 1000), 1.0, true)).isEqualTo(fromStated);
        assertBreaks(() -> TargetAssessment.of(unstated, null, count(100, 1000), 1.0, true), "baseline",
                "baseline.required", "no final figure for 2024");
    }

    @Test
    void anEthnicMinorityTargetCountsEthnicMinorityPoorOverAllHouseholds() {
        // Last year 4 of 10 households were ethnic-minority poor (40%), this year 2 are, with 3 other poor households.
        Tally lastYear = households(4, Figure.POOR, Figure.ETHNIC_MINORITY, Figure.ETHNIC_MINORITY_POOR)
                .plus(households(6));
        Tally thisYear = households(2, Figure.POOR, Figure.ETHNIC_MINORITY, Figure.ETHNIC_MINORITY_POOR)
                .plus(households(2, Figure.ETHNIC_MINORITY))
                .plus(households(3, Figure.POOR))
                .plus(households(3));
        TargetMeasure measure = TargetMeasure.ETHNIC_MINORITY_POVERTY_RATE;
        Target target = aTarget().measuring(measure).ratePoints("10").build();

        TargetAssessment assessment = TargetAssessment.of(target, measure.countIn(lastYear), measure.countIn(thisYear),
                BigDecimal.ONE, true);

        assertThat(assessment.baselineRate()).isEqualByComparingTo("40");
        assertThat(assessment.currentRate()).isEqualByComparingTo("20");
        assertThat(assessment.endRate()).isEqualByComparingTo("30");
        assertThat(assessment.endPoorHouseholds()).isEqualTo(3);
        assertThat(assessment.completionPercent()).isEqualTo(new BigDecimal("200.00"));
        assertThat(assessment.status()).isEqualTo(MET);
        // Counted as the poverty rate, the same households are 5 poor of 10: the measure matters.
        assertThat(TargetMeasure.POVERTY_RATE.countIn(thisYear)).isEqualTo(count(5, 10));
        assertThat(assessment.alertText().english()).contains("reduce the ethnic-minority poverty rate by at least 10");
        assertThat(assessment.alertText().vietnamese()).contains("giảm tỷ lệ hộ nghèo dân tộc thiểu số ít nhất 10");
    }

    @Test
    void aRollupSumIsJudgedFromItsStartOfTheYearAsTheMeasureCountsIt() {
        // Last year 4 of 10 households were ethnic-minority poor and 2 other poor; this year 1 and 2.
        Tally sum = sum(Map.of(Figure.START_HOUSEHOLDS, 10L, Figure.START_POOR, 6L, Figure.START_ETHNIC_MINORITY_POOR, 4L,
                Figure.HOUSEHOLDS, 10L, Figure.POOR, 3L, Figure.ETHNIC_MINORITY_POOR, 1L));
        Target ethnic = aTarget().inYear(2026).measuring(TargetMeasure.ETHNIC_MINORITY_POVERTY_RATE).ratePoints("20").build();
        Target stated = aTarget().inYear(2026).baselinePercent("50").statingBaseline(20, 30).build();

        TargetAssessment fromLastYear = TargetAssessment.of(ethnic, sum, false);
        TargetAssessment fromStated = TargetAssessment.of(stated, sum, false);

        assertThat(fromLastYear.baseline()).isEqualTo(count(4, 10));
        assertThat(fromLastYear.baselineRate()).isEqualTo(new BigDecimal("40.0000"));
        assertThat(fromLastYear.current()).isEqualTo(count(1, 10));
        assertThat(fromLastYear.currentRate()).isEqualTo(new BigDecimal("10.0000"));
        assertThat(fromLastYear.completionPercent()).isEqualTo(new BigDecimal("150.00"));
        assertThat(fromLastYear.reviewedShare()).isEqualByComparingTo("1");
        assertThat(fromLastYear.status()).isEqualTo(ON_TRACK);
        assertThat(fromStated.baseline()).isEqualTo(count(20, 30));
        assertThat(fromStated.endPoorHouseholds()).isEqualTo(10);
        assertThat(fromStated.currentPoorHouseholds()).isEqualTo(3);
        assertThat(fromStated.status()).isEqualTo(ON_TRACK);
        assertThat(TargetAssessment.of(ethnic, sum, true).status()).isEqualTo(MET);
        assertThat(TargetAssessment.of(ethnic, sum, true).yearClosed()).isTrue();
    }

    @Test
    void aRollupSumExactlyOnThePaceOfItsReviewedShareIsOnTrackAndOneHouseholdBehindIsAtRisk() {
        // 3 poor of 3 at the start, all 3 to go; 2 of 3 reviewed, so 2 reduced is exactly on pace. Rounding the
        // share of 2/3 up rather than down would put the pace a hair above 2 and the unit at risk.
        Target target = aTarget().households("3").build();
        TargetAssessment onPace = TargetAssessment.of(target, sum(Map.of(Figure.START_HOUSEHOLDS, 3L,
                Figure.START_POOR, 3L, Figure.HOUSEHOLDS, 2L, Figure.POOR, 1L)), false);
        TargetAssessment behind = TargetAssessment.of(target, sum(Map.of(Figure.START_HOUSEHOLDS, 3L,
                Figure.START_POOR, 3L, Figure.HOUSEHOLDS, 2L, Figure.POOR, 2L)), false);

        assertThat(onPace.reviewedShare()).isEqualTo(new BigDecimal("0.66666666666666666666"));
        assertThat(onPace.status()).isEqualTo(ON_TRACK);
        assertThat(behind.status()).isEqualTo(AT_RISK);
    }

    @Test
    void aRollupSumWithNoHouseholdsAtTheStartNeedsAStatedBaselineAndIsHeldToTheWholeTarget() {
        Tally newUnit = sum(Map.of(Figure.HOUSEHOLDS, 20L, Figure.POOR, 9L));
        Target stated = aTarget().households("2").statingBaseline(10, 20).build();

        // 1 of the 2 households reduced: behind the whole target, as if everyone had been reviewed.
        TargetAssessment assessment = TargetAssessment.of(stated, newUnit, false);
        assertThat(assessment.reviewedShare()).isEqualByComparingTo("1");
        assertThat(assessment.status()).isEqualTo(AT_RISK);
        assertBreaks(() -> TargetAssessment.of(aTarget().households("2").build(), newUnit, false), "baseline",
                "baseline.required", "no final figure for 2024");
    }

    @Test
    void takesAReviewedShareOutsideZeroToOneAsItsNearestEnd() {
        Target target = aTarget().households("20").build();

        // Poverty rose by one: behind a pace of zero, though not behind the -10 a share of -0.5 would give.
        assertThat(open(target, count(100, 1000), count(101, 1000), "-0.5").status()).isEqualTo(AT_RISK);
        assertThat(open(target, count(100, 1000), count(101, 1000), "-0.5").reviewedShare()).isEqualByComparingTo("0");
        assertThat(open(target, count(100, 1000), count(81, 1000), "1.5").reviewedShare()).isEqualByComparingTo("1");
        assertThat(TargetAssessment.of(target, count(100, 1000), count(91, 1000), 0.5, false).status()).isEqualTo(AT_RISK);
        assertBreaks(() -> TargetAssessment.of(target, count(100, 1000), count(91, 1000), Double.NaN, false),
                "reviewedShare", "reviewedShare.number", "must be a number from 0 to 1");
        assertBreaks(() -> TargetAssessment.of(target, count(100, 1000), count(91, 1000), (BigDecimal) null, false),
                "reviewedShare", "reviewedShare.number", "must be a number from 0 to 1");
    }

    @Test
    void anAlertSaysWhichUnitWhichTargetTheGapsAndTheCompletionInBothLanguages() {
        TargetAssessment province = closed(aTarget().forUnit("15").inYear(2025).ratePoints("4.0").build(),
                count(28_000, 280_000), count(16_156, 280_000));

        AlertText text = province.alertText();

        assertThat(text.vietnamese()).isEqualTo("Đơn vị 15, năm rà soát 2025: chỉ tiêu giảm tỷ lệ hộ nghèo ít nhất 4,0 "
                + "điểm phần trăm (từ 10,00% xuống không quá 6,00%, hiện nay 5,77%); vượt chỉ tiêu 644 hộ và 0,23 "
                + "điểm phần trăm, đạt 105,75% kế hoạch, trạng thái: Đạt chỉ tiêu.");
        assertThat(text.english()).isEqualTo("Unit 15, review year 2025: target to reduce the poverty rate by at least "
                + "4.0 percentage points (from 10.00% to at most 6.00%, now 5.77%); beyond the target by 644 households "
                + "and 0.23 percentage points, plan completion 105.75%, status: Met.");
    }

    @Test
    void anAlertNamesTheUnitAsTheCallerGivesItAndSaysHowFarShortItIs() {
        TargetAssessment commune = open(aTarget().forUnit("15271").inYear(2026).households("1500").build(),
                count(12_000, 100_000), count(11_000, 100_000), "0.5");

        AlertText text = commune.alertText("Xã Tân Lập, tỉnh Yên Bái", "Tan Lap commune, Yen Bai province");

        assertThat(text.vietnamese()).isEqualTo("Xã Tân Lập, tỉnh Yên Bái (mã 15271), năm rà soát 2026: chỉ tiêu giảm "
                + "ít nhất 1.500 hộ nghèo (từ 12.000 xuống không quá 10.500 hộ nghèo, hiện nay 11.000 hộ); còn thiếu "
                + "500 hộ và 0,50 điểm phần trăm so với chỉ tiêu, đạt 66,67% kế hoạch, trạng thái: Đúng tiến độ.");
        assertThat(text.english()).isEqualTo("Tan Lap commune, Yen Bai province (unit 15271), review year 2026: target "
                + "to reduce poor households by at least 1,500 (from 12,000 to at most 10,500 poor households, now "
                + "11,000); still short by 500 households and 0.50 percentage points, plan completion 66.67%, "
                + "status: On track.");
        assertThat(closed(aTarget().households("20").build(), count(100, 1000), count(80, 1000)).alertText().english())
                .contains("; exactly at the target, plan completion 100.00%, status: Met.");
    }

    @Test
    void printsSmallGapsInPointsToFourDecimalsSoTheyDoNotReadAsNone() {
        assertThat(Formats.points(new BigDecimal("0.0035"), false)).isEqualTo("0.0035");
        assertThat(Formats.points(new BigDecimal("0.2300"), true)).isEqualTo("0,23");
        assertThat(Formats.points(new BigDecimal("-12.0000"), false)).isEqualTo("-12.00");
        assertThat(Formats.number(-1234567L, true)).isEqualTo("-1.234.567");
    }

    @Test
    void equalInputsGiveEqualAssessments() {
        Target target = aTarget().households("20").build();
        assertThat(open(target, count(100, 1000), count(90, 1000), "0.50"))
                .isEqualTo(open(target, count(100, 1000), count(90, 1000), "0.5"))
                .hasSameHashCodeAs(open(target, count(100, 1000), count(90, 1000), "0.5"))
                .isNotEqualTo(open(target, count(100, 1000), count(90, 1000), "0.6"));
    }

    private static TargetAssessment closed(Target target, PovertyCount baseline, PovertyCount current) {
        return TargetAssessment.of(target, baseline, current, BigDecimal.ONE, true);
    }

    private static TargetAssessment open(Target target, PovertyCount baseline, PovertyCount current, String reviewedShare) {
        return TargetAssessment.of(target, baseline, current, new BigDecimal(reviewedShare), false);
    }
}
