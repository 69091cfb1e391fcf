package vn.povertyreview.domain.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.standard.PovertyStandards;

class ReviewFiguresTest {

    private static final PovertyStandards STANDARDS = PovertyStandards.official();
    private static final Set<Indicator> TWO = EnumSet.of(Indicator.NUTRITION, Indicator.SANITATION);
    private static final Set<Indicator> THREE = EnumSet.of(Indicator.NUTRITION, Indicator.SANITATION, Indicator.TELECOM);

    private static Review review(int year, Area area, Long income, Set<Indicator> deprivations, Classification reviewer,
            boolean ethnicMinority, boolean agriculture) {
        return new Review("r-1", null, null, "HH-1", year, Instant.parse(year + "-10-01T00:00:00Z"), "38", null, "15271", "TK1",
                area, 4, income, deprivations, reviewer, ethnicMinority, true, true, true, agriculture);
    }

    private static ReviewFigures figures(int year, Area area, Long income, int deprivations, Classification reviewer) {
        return ReviewFigures.of(review(year, area, income, deprivations == 3 ? THREE : TWO, reviewer, false, false),
                STANDARDS.forReviewYear(year));
    }

    @ParameterizedTest(name = "{0} {1} income {2}, {3} deprivations, reviewer {4}: {5}")
    @CsvSource({
        "2026, RURAL, 1500000, 3, POOR, CLASSIFICATION_AGREES",
        "2026, RURAL, 1500001, 3, POOR, REVIEWER_POOR_STANDARD_NOT_POOR",
        "2026, RURAL, 1500000, 2, POOR, REVIEWER_POOR_STANDARD_NEAR_POOR",
        "2026, RURAL, 1500000, 3, NEAR_POOR, REVIEWER_NEAR_POOR_STANDARD_POOR",
        "2026, URBAN, 2000001, 2, NEAR_POOR, REVIEWER_NEAR_POOR_STANDARD_NOT_POOR",
        "2026, URBAN, 2000000, 3, NOT_POOR, REVIEWER_NOT_POOR_STANDARD_POOR",
        "2026, URBAN, 2000000, 2, NOT_POOR, REVIEWER_NOT_POOR_STANDARD_NEAR_POOR",
        "2027, RURAL, 2200000, 3, NOT_POOR, REVIEWER_NOT_POOR_STANDARD_POOR",
        "2027, RURAL, 2200001, 3, NOT_POOR, CLASSIFICATION_AGREES",
        "2027, URBAN, 2800000, 2, NEAR_POOR, CLASSIFICATION_AGREES",
    })
    void countsTheReviewInExactlyOneClassificationCheck(int year, Area area, long income, int deprivations,
            Classification reviewer, Figure expected) {
        Tally tally = figures(year, area, income, deprivations, reviewer).figures();
        for (Figure check : new Figure[] {Figure.CLASSIFICATION_AGREES, Figure.CLASSIFICATION_UNVERIFIED,
                Figure.REVIEWER_POOR_STANDARD_NEAR_POOR, Figure.REVIEWER_POOR_STANDARD_NOT_POOR,
                Figure.REVIEWER_NEAR_POOR_STANDARD_POOR, Figure.REVIEWER_NEAR_POOR_STANDARD_NOT_POOR,
                Figure.REVIEWER_NOT_POOR_STANDARD_POOR, Figure.REVIEWER_NOT_POOR_STANDARD_NEAR_POOR}) {
            assertThat(tally.get(check)).as("%s", check).isEqualTo(check == expected ? 1 : 0);
        }
        assertThat(tally.get(Figure.HOUSEHOLDS)).isEqualTo(1);
        assertThat(tally.get(Figure.POOR)).as("the reviewer's class counts").isEqualTo(reviewer == Classification.POOR ? 1 : 0);
    }

    @Test
    void aReviewWithoutIncomeIsCountedButUnverified() {
        ReviewFigures figures = figures(2025, Area.RURAL, null, 3, Classification.POOR);
        assertThat(figures.standardClass()).isEmpty();
        assertThat(figures.disagrees(Classification.POOR)).isFalse();
        assertThat(figures.figures().get(Figure.CLASSIFICATION_UNVERIFIED)).isEqualTo(1);
        assertThat(figures.figures().get(Figure.HOUSEHOLDS)).isEqualTo(1);
        assertThat(figures.figures().get(Figure.AVERAGE_LIVING)).isZero();
    }

    @Test
    void countsSpecialGroupsAndDeprivationsOnlyWhereTheyApply() {
        Tally poor = ReviewFigures.of(review(2025, Area.RURAL, 1_000_000L, THREE, Classification.POOR, true, true),
                STANDARDS.forReviewYear(2025)).figures();
        assertThat(poor.get(Figure.ETHNIC_MINORITY_POOR)).isEqualTo(1);
        assertThat(poor.get(Figure.POOR_WITH_MERIT)).isEqualTo(1);
        assertThat(poor.get(Figure.POOR_DEPRIVED_TELECOM)).isEqualTo(1);
        assertThat(poor.get(Figure.NEAR_POOR_DEPRIVED_TELECOM)).isZero();
        assertThat(poor.get(Figure.MULTIDIMENSIONALLY_POOR)).isEqualTo(1);
        assertThat(poor.get(Figure.MULTIDIMENSIONAL_DEPRIVATIONS)).isEqualTo(3);
        assertThat(poor.get(Figure.AVERAGE_LIVING)).isZero();

        Tally notPoor = ReviewFigures.of(review(2025, Area.URBAN, 3_000_000L, TWO, Classification.NOT_POOR, true, true),
                STANDARDS.forReviewYear(2025)).figures();
        assertThat(notPoor.get(Figure.ETHNIC_MINORITY)).isEqualTo(1);
        assertThat(notPoor.get(Figure.ETHNIC_MINORITY_POOR)).isZero();
        assertThat(notPoor.get(Figure.POOR_WITH_MERIT)).isZero();
        assertThat(notPoor.get(Figure.POOR_DEPRIVED_NUTRITION) + notPoor.get(Figure.NEAR_POOR_DEPRIVED_NUTRITION)).isZero();
        assertThat(notPoor.get(Figure.MULTIDIMENSIONALLY_POOR)).as("2 deprivations are below the cutoff").isZero();
        assertThat(notPoor.get(Figure.AVERAGE_LIVING)).as("urban upper line 3,000,000 is in the band").isEqualTo(1);
        assertThat(notPoor.get(Figure.AVERAGE_LIVING_AGRICULTURE)).isEqualTo(1);
    }

    @Test
    void everyFigureHasAColumnAndAMeaningInBothLanguages() {
        for (Figure figure : Figure.values()) {
            assertThat(figure.column()).matches("[a-z_]+");
            assertThat(figure.vietnamese()).isNotBlank();
            assertThat(figure.english()).isNotBlank();
        }
        assertThat(Figure.of(vn.povertyreview.domain.movement.MovementFigure.RE_POOR)).isEqualTo(Figure.RE_POOR);
    }
}
