package vn.povertyreview.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Measure;
import vn.povertyreview.schemas.Classification;
import vn.povertyreview.schemas.ClassificationDisagreement;
import vn.povertyreview.schemas.UnitRollup;

/**
 * The figures of a review itself through the whole topology: the classification check and its
 * listing of disagreements, the special groups, average living, deprivations and the
 * Alkire–Foster measures.
 */
class ReviewFiguresTopologyTest {

    private static final String VILLAGE = "15271-TK1";

    @TempDir
    Path stateDir;
    RollupHarness pipeline;

    @BeforeEach
    void start() {
        pipeline = new RollupHarness(stateDir);
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    private UnitRollup commune(int year) {
        return pipeline.settle().get(year + "/15271");
    }

    private long figure(int year, Figure figure) {
        return RollupValues.figures(commune(year)).get(figure.name());
    }

    private String measure(int year, Measure measure) {
        return RollupValues.measures(commune(year)).get(measure.name());
    }

    @Test
    void countsEveryDisagreementByKindAndListsItUntilItIsCorrected() {
        // Reviewer says poor, but the income is above the rural line: the standard says not poor.
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(VILLAGE).poor().income(1_500_001L)
                .reviewedAt("2025-10-01T00:00:00Z"));
        // Reviewer says near-poor with 3 deprivations at the line: the standard says poor.
        pipeline.submit(aReview().household("HH-2").year(2025).inVillage(VILLAGE).nearPoor().income(1_500_000L)
                .deprivedIn(Indicator.NUTRITION, Indicator.SANITATION, Indicator.TELECOM));
        // Agrees: poor, at the line, 3 deprivations.
        pipeline.submit(aReview().household("HH-3").year(2025).inVillage(VILLAGE).poor().income(1_500_000L));
        // No income: counted, but cannot be checked.
        pipeline.submit(aReview().household("HH-4").year(2025).inVillage(VILLAGE).nearPoor().income(null));

        assertThat(figure(2025, Figure.REVIEWER_POOR_STANDARD_NOT_POOR)).isEqualTo(1);
        assertThat(figure(2025, Figure.REVIEWER_NEAR_POOR_STANDARD_POOR)).isEqualTo(1);
        assertThat(figure(2025, Figure.CLASSIFICATION_AGREES)).isEqualTo(1);
        assertThat(figure(2025, Figure.CLASSIFICATION_UNVERIFIED)).isEqualTo(1);
        assertThat(commune(2025).getTotalHouseholds()).as("every review still counts as submitted").isEqualTo(4);
        assertThat(commune(2025).getPoorHouseholds()).as("the reviewer's class is what counts").isEqualTo(2);

        assertThat(pipeline.disagreements()).containsOnlyKeys("2025/HH-1", "2025/HH-2");
        ClassificationDisagreement listed = pipeline.disagreements().get("2025/HH-1");
        assertThat(listed.getReviewerClassification()).isEqualTo(Classification.POOR);
        assertThat(listed.getStandardClassification()).isEqualTo(Classification.NOT_POOR);
        assertThat(listed.getIncomePerCapitaMonthlyVnd()).isEqualTo(1_500_001L);
        assertThat(listed.getDeprivationCount()).isEqualTo(3);
        assertThat(listed.getCommuneCode()).isEqualTo("15271");
        assertThat(listed.getVillageUnitCode()).isEqualTo(VILLAGE);

        // The commune corrects HH-1 to not poor; HH-2's review is withdrawn.
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(VILLAGE).notPoor().income(1_500_001L)
                .reviewedAt("2025-11-01T00:00:00Z"));
        pipeline.withdraw(2025, "HH-2");

        assertThat(pipeline.disagreements()).isEmpty();
        assertThat(figure(2025, Figure.REVIEWER_POOR_STANDARD_NOT_POOR)).isZero();
        assertThat(figure(2025, Figure.REVIEWER_NEAR_POOR_STANDARD_POOR)).isZero();
        assertThat(figure(2025, Figure.CLASSIFICATION_AGREES)).isEqualTo(2);
    }

    @Test
    void reportsEthnicMinorityPovertyOverAllHouseholdsAndOverEthnicMinorityHouseholds() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(VILLAGE).poor().ethnicMinority().meritFamily());
        pipeline.submit(aReview().household("HH-2").year(2025).inVillage(VILLAGE).notPoor().ethnicMinority().income(5_000_000L));
        pipeline.submit(aReview().household("HH-3").year(2025).inVillage(VILLAGE).poor().socialProtection().noLaborCapacity());
        pipeline.submit(aReview().household("HH-4").year(2025).inVillage(VILLAGE).notPoor().income(5_000_000L));

        assertThat(figure(2025, Figure.ETHNIC_MINORITY)).isEqualTo(2);
        assertThat(figure(2025, Figure.ETHNIC_MINORITY_POOR)).isEqualTo(1);
        assertThat(new BigDecimal(measure(2025, Measure.ETHNIC_MINORITY_POOR_RATE))).isEqualByComparingTo("25.0000");
        assertThat(new BigDecimal(measure(2025, Measure.ETHNIC_MINORITY_POOR_RATE_AMONG_ETHNIC_MINORITY))).isEqualByComparingTo("50.0000");
        assertThat(figure(2025, Figure.POOR_WITH_MERIT)).isEqualTo(1);
        assertThat(figure(2025, Figure.POOR_SOCIAL_PROTECTION)).isEqualTo(1);
        assertThat(figure(2025, Figure.POOR_WITHOUT_LABOUR_CAPACITY)).isEqualTo(1);
    }

    @Test
    void countsAverageLivingHouseholdsByTheBandAndReportsNotSetWhereTheStandardHasNone() {
        pipeline.submit(aReview().household("HH-1").year(2026).inVillage(VILLAGE).notPoor().income(2_250_000L)
                .agricultureForestryFishery());
        pipeline.submit(aReview().household("HH-2").year(2026).inVillage(VILLAGE).notPoor().income(2_250_001L));
        pipeline.submit(aReview().household("HH-3").year(2026).inVillage(VILLAGE).notPoor().income(1_500_001L));
        pipeline.submit(aReview().household("HH-1").year(2027).inVillage(VILLAGE).notPoor().income(2_250_000L)
                .agricultureForestryFishery());

        assertThat(figure(2026, Figure.AVERAGE_LIVING)).as("at the upper line and one dong above the poverty line").isEqualTo(2);
        assertThat(figure(2026, Figure.AVERAGE_LIVING_AGRICULTURE)).isEqualTo(1);
        assertThat(RollupValues.figures(commune(2027))).as("2027–2030 sets no band: not set, not zero")
                .doesNotContainKeys(Figure.AVERAGE_LIVING.name(), Figure.AVERAGE_LIVING_AGRICULTURE.name())
                .containsEntry(Figure.HOUSEHOLDS.name(), 1L);
    }

    @Test
    void countsDeprivationsOfThePoorAndNearPoorAndTheAlkireFosterMeasures() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(VILLAGE).poor()
                .deprivedIn(Indicator.NUTRITION, Indicator.SANITATION, Indicator.TELECOM, Indicator.DRINKING_WATER));
        pipeline.submit(aReview().household("HH-2").year(2025).inVillage(VILLAGE).nearPoor()
                .deprivedIn(Indicator.DRINKING_WATER, Indicator.HEALTH_INSURANCE, Indicator.HOUSING_AREA));
        pipeline.submit(aReview().household("HH-3").year(2025).inVillage(VILLAGE).nearPoor().deprivedIn(Indicator.DRINKING_WATER));
        pipeline.submit(aReview().household("HH-4").year(2025).inVillage(VILLAGE).notPoor().income(4_000_000L)
                .deprivedIn(Indicator.DRINKING_WATER));

        assertThat(figure(2025, Figure.deprived(vn.povertyreview.domain.review.Classification.POOR, Indicator.DRINKING_WATER))).isEqualTo(1);
        assertThat(figure(2025, Figure.deprived(vn.povertyreview.domain.review.Classification.NEAR_POOR, Indicator.DRINKING_WATER)))
                .as("not-poor households are not counted in either").isEqualTo(2);
        assertThat(figure(2025, Figure.POOR_DEPRIVED_EMPLOYMENT)).isZero();
        // Deprived in 3 or more: HH-1 (4) and HH-2 (3), of 4 households.
        assertThat(figure(2025, Figure.MULTIDIMENSIONALLY_POOR)).isEqualTo(2);
        assertThat(new BigDecimal(measure(2025, Measure.MULTIDIMENSIONAL_HEADCOUNT_RATIO))).isEqualByComparingTo("0.5");
        assertThat(new BigDecimal(measure(2025, Measure.MULTIDIMENSIONAL_INTENSITY))).as("7 / (2 × 12)")
                .isEqualByComparingTo("0.291667");
        assertThat(new BigDecimal(measure(2025, Measure.MULTIDIMENSIONAL_ADJUSTED_HEADCOUNT))).as("7 / (4 × 12)")
                .isEqualByComparingTo("0.145833");
    }

    @Test
    void leavesTheAverageIntensityUnsetWhenNoHouseholdIsMultidimensionallyPoor() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(VILLAGE).nearPoor().deprivedIn(Indicator.TELECOM));

        assertThat(RollupValues.measures(commune(2025))).doesNotContainKey(Measure.MULTIDIMENSIONAL_INTENSITY.name())
                .containsEntry(Measure.MULTIDIMENSIONAL_HEADCOUNT_RATIO.name(), "0.000000");
    }
}
