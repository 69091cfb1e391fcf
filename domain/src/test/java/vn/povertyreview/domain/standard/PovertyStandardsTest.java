package vn.povertyreview.domain.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.domain.review.Area.RURAL;
import static vn.povertyreview.domain.review.Area.URBAN;
import static vn.povertyreview.domain.review.Classification.NEAR_POOR;
import static vn.povertyreview.domain.review.Classification.NOT_POOR;
import static vn.povertyreview.domain.review.Classification.POOR;

import java.io.StringReader;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.povertyreview.domain.review.Area;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.Indicator;

class PovertyStandardsTest {

    private static final PovertyStandards STANDARDS = PovertyStandards.official();
    private static final Set<Indicator> TWO = EnumSet.of(Indicator.NUTRITION, Indicator.SANITATION);
    private static final Set<Indicator> THREE = EnumSet.of(Indicator.NUTRITION, Indicator.SANITATION, Indicator.TELECOM);

    private static Classification classify(int year, Area area, long income, Set<Indicator> deprivations) {
        return STANDARDS.forReviewYear(year).classify(area, income, deprivations).orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}: income {2}, {3} deprivations -> {4}")
    @CsvSource({
        // 2022-2026 standard: 1,500,000 rural, 2,000,000 urban
        "2025, RURAL, 1500000, 3, POOR",
        "2025, RURAL, 1500000, 2, NEAR_POOR",
        "2025, RURAL, 1500001, 3, NOT_POOR",
        "2025, URBAN, 2000000, 3, POOR",
        "2025, URBAN, 2000000, 2, NEAR_POOR",
        "2025, URBAN, 2000001, 3, NOT_POOR",
        "2025, URBAN, 1500001, 2, NEAR_POOR",
        "2026, RURAL, 2200000, 3, NOT_POOR",
        // 2027-2030 standard: 2,200,000 rural, 2,800,000 urban
        "2027, RURAL, 2200000, 3, POOR",
        "2027, RURAL, 2200000, 2, NEAR_POOR",
        "2027, RURAL, 2200001, 3, NOT_POOR",
        "2027, URBAN, 2800000, 3, POOR",
        "2027, URBAN, 2800001, 0, NOT_POOR",
        "2027, URBAN, 2000001, 2, NEAR_POOR",
    })
    void classifiesAtAndAroundEveryLine(int year, Area area, long income, int deprivations, Classification expected) {
        assertThat(classify(year, area, income, deprivations == 3 ? THREE : deprivations == 2 ? TWO : Set.of()))
                .isEqualTo(expected);
    }

    @Test
    void aReviewWithoutIncomeCannotBeVerified() {
        assertThat(STANDARDS.forReviewYear(2025).classify(RURAL, null, THREE)).isEmpty();
    }

    @Test
    void averageLivingBandLiesAboveThePovertyLineUpToItsUpperLine() {
        PovertyStandard standard = STANDARDS.forReviewYear(2024);
        assertThat(standard.isAverageLiving(RURAL, 1_500_000)).contains(false);
        assertThat(standard.isAverageLiving(RURAL, 1_500_001)).contains(true);
        assertThat(standard.isAverageLiving(RURAL, 2_250_000)).contains(true);
        assertThat(standard.isAverageLiving(RURAL, 2_250_001)).contains(false);
        assertThat(standard.isAverageLiving(URBAN, 3_000_000)).contains(true);
        assertThat(standard.isAverageLiving(URBAN, 3_000_001)).contains(false);
    }

    @Test
    void reportsTheUnknownAverageLivingBandOf2027AsNotSet() {
        assertThat(STANDARDS.forReviewYear(2027).hasAverageLivingBand()).isFalse();
        assertThat(STANDARDS.forReviewYear(2027).isAverageLiving(RURAL, 2_500_000)).isEmpty();
    }

    @Test
    void everySupportedYearHasExactlyOneStandard() {
        assertThat(STANDARDS.forReviewYear(2022).id()).isEqualTo("2022-2026");
        assertThat(STANDARDS.forReviewYear(2026).id()).isEqualTo("2022-2026");
        assertThat(STANDARDS.forReviewYear(2027).id()).isEqualTo("2027-2030");
        assertThat(STANDARDS.forReviewYear(2030).id()).isEqualTo("2027-2030");
        assertThat(STANDARDS.forReviewYear(2025).indicators()).hasSize(12);
        assertThat(STANDARDS.forReviewYear(2025).legalBasis()).contains("07/2021/NĐ-CP");
    }

    @Test
    void refusesStandardsThatLeaveAYearUngovernedOrGovernItTwice() throws Exception {
        String base = "standards = a, b\n"
                + "a.legalBasis = A\na.povertyLine.RURAL = 1\na.povertyLine.URBAN = 2\na.deprivationCutoff = 1\na.indicators = EMPLOYMENT\n"
                + "b.legalBasis = B\nb.povertyLine.RURAL = 1\nb.povertyLine.URBAN = 2\nb.deprivationCutoff = 1\nb.indicators = EMPLOYMENT\n";
        assertThatThrownBy(() -> load(base + "a.firstReviewYear = 2022\na.lastReviewYear = 2025\nb.firstReviewYear = 2027\nb.lastReviewYear = 2030\n"))
                .hasMessageContaining("review year 2026 is governed by 0");
        assertThatThrownBy(() -> load(base + "a.firstReviewYear = 2022\na.lastReviewYear = 2027\nb.firstReviewYear = 2027\nb.lastReviewYear = 2030\n"))
                .hasMessageContaining("review year 2027 is governed by 2");
    }

    @Test
    void namesAMissingOrMalformedEntry() {
        assertThatThrownBy(() -> load("standards = a\na.legalBasis = A\n"))
                .hasMessageContaining("missing a.povertyLine.RURAL");
        assertThatThrownBy(() -> load("standards = a\na.legalBasis = A\na.povertyLine.RURAL = 1,5 triệu\n"))
                .hasMessageContaining("a.povertyLine.RURAL must be a whole number");
    }

    @Test
    void countsOnlyTheStandardsOwnIndicators() {
        PovertyStandard narrow = new PovertyStandard("narrow", "test", 2022, 2030,
                java.util.Map.of(RURAL, 1_000L, URBAN, 2_000L), 2, java.util.Map.of(), EnumSet.of(Indicator.NUTRITION, Indicator.TELECOM));
        assertThat(narrow.deprivationCount(THREE)).isEqualTo(2);
        assertThat(narrow.classify(RURAL, 500L, EnumSet.of(Indicator.NUTRITION, Indicator.SANITATION))).contains(NEAR_POOR);
        assertThat(narrow.classify(RURAL, 500L, THREE)).contains(POOR);
        assertThat(narrow.classify(RURAL, 1_001L, THREE)).contains(NOT_POOR);
    }

    private static PovertyStandards load(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return PovertyStandards.fromProperties(properties);
    }
}
