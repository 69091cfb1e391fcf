package vn.povertyreview.domain.target;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.domain.target.Targets.sum;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.povertyreview.domain.rollup.Figure;

class ReviewedShareTest {

    @ParameterizedTest(name = "{0} of {1} reviewed -> {2}")
    @CsvSource({
        "5, 10, 0.50000000000000000000",
        "8, 10, 0.80000000000000000000",
        "10, 10, 1.00000000000000000000",
        // Rounded down at 20 decimals, never up: 2 of 3 is a hair below two thirds.
        "2, 3, 0.66666666666666666666",
        "1, 3, 0.33333333333333333333",
        // More reviewed than there were at the start (households moved in) is kept; the assessment clamps it.
        "12, 10, 1.20000000000000000000",
    })
    void isHouseholdsReviewedOverStartHouseholdsRoundedDownAtTwentyDecimals(long households, long startHouseholds,
            String share) {
        assertThat(ReviewedShare.of(sum(Map.of(Figure.HOUSEHOLDS, households, Figure.START_HOUSEHOLDS, startHouseholds))))
                .isEqualTo(new BigDecimal(share));
    }

    @Test
    void isOneWhenTheUnitHadNoHouseholdsAtTheStartOfTheYear() {
        assertThat(ReviewedShare.of(sum(Map.of(Figure.HOUSEHOLDS, 7L)))).isEqualTo(BigDecimal.ONE);
        assertThat(ReviewedShare.of(sum(Map.of()))).isEqualTo(BigDecimal.ONE);
    }
}
