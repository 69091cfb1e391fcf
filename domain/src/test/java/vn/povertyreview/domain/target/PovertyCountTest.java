package vn.povertyreview.domain.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.domain.target.Targets.count;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Tally;
import vn.povertyreview.domain.standard.PovertyStandards;

class PovertyCountTest {

    @ParameterizedTest(name = "{0} poor of {1} -> {2}%")
    @CsvSource({
        "577, 10000, 5.7700",
        "1, 3, 33.3333",
        "2, 3, 66.6667",
        "7, 7, 100.0000",
        "0, 0, 0.0000",
    })
    void rateIsPoorOverAllHouseholdsInPercentToFourDecimalsAndZeroForAnEmptyUnit(long poor, long total, String rate) {
        assertThat(count(poor, total).rate()).isEqualTo(new BigDecimal(rate));
    }

    @ParameterizedTest(name = "{0} poor of {1} breaks {2}")
    @CsvSource({
        "-1, 10, poorHouseholds.notNegative, poorHouseholds, The number of poor households cannot be below zero",
        "0, -1, totalHouseholds.notNegative, totalHouseholds, The number of households cannot be below zero",
        "11, 10, poorHouseholds.atMostTotal, poorHouseholds, There cannot be more poor households (11) than households (10)",
    })
    void refusesImpossibleCountsNamingTheRule(long poor, long total, String rule, String field, String message) {
        assertThatThrownBy(() -> count(poor, total))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    TargetRuleException broken = (TargetRuleException) e;
                    assertThat(broken.rule()).isEqualTo(rule);
                    assertThat(broken.field()).isEqualTo(field);
                    assertThat(broken.violation().messageVi()).isNotBlank();
                });
    }

    @Test
    void ethnicMinorityPoorAreCountedOverAllHouseholdsNotOverEthnicMinorityHouseholds() {
        Tally sum = households(3, Figure.POOR, Figure.ETHNIC_MINORITY, Figure.ETHNIC_MINORITY_POOR)
                .plus(households(1, Figure.POOR))
                .plus(households(2, Figure.ETHNIC_MINORITY))
                .plus(households(4));

        assertThat(TargetMeasure.POVERTY_RATE.countIn(sum)).isEqualTo(count(4, 10));
        assertThat(TargetMeasure.ETHNIC_MINORITY_POVERTY_RATE.countIn(sum)).isEqualTo(count(3, 10));
        assertThat(TargetMeasure.ETHNIC_MINORITY_POVERTY_RATE.countIn(sum).rate()).isEqualTo(new BigDecimal("30.0000"));
        // The target's rate is the one the rollup reports, so a target and a report never disagree.
        var standard = PovertyStandards.official().forReviewYear(2025);
        for (TargetMeasure measure : TargetMeasure.values()) {
            assertThat(measure.rollupMeasure().of(sum, standard)).contains(measure.countIn(sum).rate());
        }
    }

    /** {@code n} households, each counted in HOUSEHOLDS and in {@code figures}. */
    static Tally households(int n, Figure... figures) {
        Figure[] all = new Figure[figures.length + 1];
        all[0] = Figure.HOUSEHOLDS;
        System.arraycopy(figures, 0, all, 1, figures.length);
        Tally one = Tally.one(all);
        Tally sum = Tally.ZERO;
        for (int i = 0; i < n; i++) {
            sum = sum.plus(one);
        }
        return sum;
    }
}
