package vn.povertyreview.domain.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.review.Classification;

class TallyTest {

    @Test
    void takingOutWhatWasPutInLeavesNothing() {
        Tally poor = ReviewFigures.basic(Classification.POOR);
        Tally sum = Tally.ZERO.plus(poor).plus(ReviewFigures.basic(Classification.NEAR_POOR)).minus(poor);
        assertThat(sum).isEqualTo(ReviewFigures.basic(Classification.NEAR_POOR));
        assertThat(sum.get(Figure.HOUSEHOLDS)).isEqualTo(1);
        assertThat(sum.get(Figure.POOR)).isZero();
        assertThat(sum.minus(sum).isZero()).isTrue();
        assertThat(Tally.ZERO.minus(poor).hasNegative()).isTrue();
    }

    @Test
    void readsATallyStoredBeforeAFigureExistedAsZeroForIt() {
        assertThat(Tally.of(5)).isEqualTo(Tally.of(5, 0, 0));
        assertThatThrownBy(() -> Tally.of(new long[Figure.values().length + 1]))
                .hasMessageContaining("figures are known");
    }

    @Test
    void ratesArePercentOfAllHouseholdsRoundedToFourDecimals() {
        assertThat(Rates.percent(1, 3)).isEqualByComparingTo(new BigDecimal("33.3333"));
        assertThat(Rates.percent(2, 3)).isEqualByComparingTo(new BigDecimal("66.6667"));
        assertThat(Rates.percent(0, 0)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(Rates.percent(7, 7)).isEqualByComparingTo(new BigDecimal("100"));
    }
}
