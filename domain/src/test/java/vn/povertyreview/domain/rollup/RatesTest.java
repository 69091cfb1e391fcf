package vn.povertyreview.domain.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void aShownRateIsRoundedOnceFromTheCounts() {
        // 36 near-poor of 715 households: 5.034965…%, 5.0350 at four decimals.
        assertThat(Rates.percent(36, 715)).isEqualTo(new BigDecimal("5.0350"));
        assertThat(Rates.percent(36, 715).setScale(2, RoundingMode.HALF_UP)).as("rounded twice").isEqualTo(new BigDecimal("5.04"));

        assertThat(Rates.shown(36, 715)).isEqualTo(new BigDecimal("5.03"));
    }

    @Test
    void aShownRateExactlyHalfwayRoundsAwayFromZero() {
        // 1 of 800: 0.125%.
        assertThat(Rates.shown(1, 800)).isEqualTo(new BigDecimal("0.13"));
        // 201 of 20,000: 1.005%.
        assertThat(Rates.shown(201, 20_000)).isEqualTo(new BigDecimal("1.01"));
    }

    @Test
    void aUnitWithoutHouseholdsShowsZeroWithTwoDecimals() {
        assertThat(Rates.shown(0, 0)).isEqualTo(new BigDecimal("0.00"));
    }
}
