package vn.povertyreview.domain.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.domain.target.Targets.aTarget;
import static vn.povertyreview.domain.target.Targets.count;

import java.math.BigDecimal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTest {

    @ParameterizedTest(name = "{0} {1} breaks {2}")
    @CsvSource(delimiter = '|', value = {
        "RATE_POINTS      | 0        | value.positive        | A reduction target must ask for a reduction greater than zero; the target says 0.",
        "RATE_POINTS      | -1.5     | value.positive        | greater than zero; the target says -1.5.",
        "HOUSEHOLDS       | 0        | value.positive        | greater than zero",
        "BASELINE_PERCENT | 0.0      | value.positive        | greater than zero",
        "END_RATE         | -0.5     | value.notNegative     | The rate to reach by year end cannot be below zero; the target says -0.5%.",
        "HOUSEHOLDS       | 2.5      | value.wholeHouseholds | A target in households must be a whole number of households; the target says 2.5.",
        "BASELINE_PERCENT | 100.5    | value.atMost100       | cannot reduce the baseline's poor households by more than 100%",
        "RATE_POINTS      | 101      | value.atMost100       | A rate cannot fall by more than 100 percentage points",
        "END_RATE         | 100.01   | value.atMost100       | A rate cannot be above 100%; the target says 100.01%.",
        "RATE_POINTS      | 4.00001  | value.decimals        | A target is stated with at most 4 decimals; the target says 4.00001.",
        "END_RATE         | 3.020001 | value.decimals        | at most 4 decimals",
    })
    void refusesAValueItsKindCannotHaveNamingTheRule(TargetKind kind, String value, String rule, String message) {
        assertBreaks(() -> aTarget().of(kind, value).build(), "value", rule, message);
    }

    @ParameterizedTest(name = "{0} {1} is a valid target")
    @CsvSource({
        "END_RATE, 0",
        "END_RATE, 100",
        "HOUSEHOLDS, 13.00",
        "BASELINE_PERCENT, 100",
        "RATE_POINTS, 0.0001",
        "RATE_POINTS, 4.000000",
    })
    void acceptsValuesAtTheEdgesOfEachRule(TargetKind kind, String value) {
        assertThat(aTarget().of(kind, value).build().value()).isEqualTo(new BigDecimal(value));
    }

    @Test
    void refusesATargetMissingWhatItIsAbout() {
        assertBreaks(() -> aTarget().forUnit(" ").build(), "unitCode", "unitCode.required",
                "The code of the unit the target is assigned to is missing.");
        assertBreaks(() -> aTarget().forUnit(null).build(), "unitCode", "unitCode.required", "missing");
        assertBreaks(() -> aTarget().inYear(2021).build(), "reviewYear", "reviewYear.range",
                "The review year must be between 2022 and 2030; it says 2021.");
        assertBreaks(() -> aTarget().inYear(2031).build(), "reviewYear", "reviewYear.range", "it says 2031");
        assertBreaks(() -> aTarget().measuring(null).build(), "measure", "measure.required",
                "whether it reduces the poverty rate or the ethnic-minority poverty rate");
        assertBreaks(() -> aTarget().of(null, "1").build(), "kind", "kind.required", "does not say its form");
        assertBreaks(() -> aTarget().households(null).build(), "value", "value.required", "does not say how much");
    }

    @Test
    void aStatedBaselineOverridesThePreviousYearsFinalFigure() {
        Target stated = aTarget().households("20").statingBaseline(120, 1000).build();
        Target unstated = aTarget().households("20").build();

        assertThat(stated.baselineOr(count(100, 1000))).isEqualTo(count(120, 1000));
        assertThat(stated.baselineOr(null)).isEqualTo(count(120, 1000));
        assertThat(unstated.baselineOr(count(100, 1000))).isEqualTo(count(100, 1000));
        assertThat(unstated.withStatedBaseline(count(120, 1000))).isEqualTo(stated);
        assertThat(Target.of("15271", 2025, TargetMeasure.POVERTY_RATE, TargetKind.HOUSEHOLDS, new BigDecimal("20")))
                .isEqualTo(unstated);
    }

    @Test
    void refusesToGuessABaselineWhenThereIsNone() {
        assertBreaks(() -> aTarget().forUnit("15271").inYear(2025).build().baselineOr(null), "baseline",
                "baseline.required", "The target states no baseline and unit 15271 has no final figure for 2024");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "POVERTY_RATE                 | RATE_POINTS      | 4.0  | giảm tỷ lệ hộ nghèo ít nhất 4,0 điểm phần trăm "
                + "| reduce the poverty rate by at least 4.0 percentage points",
        "POVERTY_RATE                 | HOUSEHOLDS       | 1300 | giảm ít nhất 1.300 hộ nghèo "
                + "| reduce poor households by at least 1,300",
        "POVERTY_RATE                 | BASELINE_PERCENT | 35   | giảm ít nhất 35% số hộ nghèo đầu kỳ "
                + "| reduce the baseline's poor households by at least 35%",
        "POVERTY_RATE                 | END_RATE         | 3.02 | đưa tỷ lệ hộ nghèo xuống không quá 3,02% vào cuối năm "
                + "| bring the poverty rate down to at most 3.02% by year end",
        "ETHNIC_MINORITY_POVERTY_RATE | RATE_POINTS      | 5    | giảm tỷ lệ hộ nghèo dân tộc thiểu số ít nhất 5 điểm phần trăm "
                + "| reduce the ethnic-minority poverty rate by at least 5 percentage points",
        "ETHNIC_MINORITY_POVERTY_RATE | HOUSEHOLDS       | 13   | giảm ít nhất 13 hộ nghèo dân tộc thiểu số "
                + "| reduce ethnic-minority poor households by at least 13",
    })
    void saysWhatItAsksForInVietnameseAndEnglishWithTheValueAsStated(TargetMeasure measure, TargetKind kind, String value,
            String vietnamese, String english) {
        Target target = aTarget().measuring(measure).of(kind, value).build();
        assertThat(target.describeVi()).isEqualTo(vietnamese);
        assertThat(target.describeEn()).isEqualTo(english);
    }

    @Test
    void everyKindAndMeasureHasBothLanguages() {
        for (TargetKind kind : TargetKind.values()) {
            assertThat(kind.vietnamese()).isNotBlank().isNotEqualTo(kind.english());
            assertThat(kind.english()).isNotBlank();
        }
        for (TargetMeasure measure : TargetMeasure.values()) {
            assertThat(measure.vietnamese()).isNotBlank().isNotEqualTo(measure.english());
            assertThat(measure.english()).isNotBlank();
        }
        assertThat(TargetKind.RATE_POINTS.byRate()).isTrue();
        assertThat(TargetKind.END_RATE.byRate()).isTrue();
        assertThat(TargetKind.HOUSEHOLDS.byRate()).isFalse();
        assertThat(TargetKind.BASELINE_PERCENT.byRate()).isFalse();
    }

    static void assertBreaks(ThrowingCallable call, String field, String rule, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    TargetRuleException broken = (TargetRuleException) e;
                    assertThat(broken.rule()).isEqualTo(rule);
                    assertThat(broken.field()).isEqualTo(field);
                    assertThat(broken.violation().messageVi()).isNotBlank();
                });
    }
}
