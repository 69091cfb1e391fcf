package vn.povertyreview.domain.target;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.domain.target.Targets.aTarget;

import org.junit.jupiter.api.Test;

class AlertIdTest {

    @Test
    void isYearUnitMeasureKindValueAndStatusJoinedBySlashes() {
        Target village = aTarget().forUnit("15271-TK2").inYear(2026).households("2").build();
        Target district = aTarget().forUnit("384").inYear(2024).endRate("20").build();
        Target ethnic = aTarget().forUnit("38").inYear(2024).measuring(TargetMeasure.ETHNIC_MINORITY_POVERTY_RATE)
                .ratePoints("25.0").build();

        assertThat(AlertId.of(village, "2", TargetStatus.MISSED))
                .hasToString("2026/15271-TK2/POVERTY_RATE/HOUSEHOLDS/2/MISSED");
        assertThat(AlertId.of(district, "20", TargetStatus.AT_RISK))
                .hasToString("2024/384/POVERTY_RATE/END_RATE/20/AT_RISK");
        assertThat(AlertId.of(ethnic, "25.0", TargetStatus.ON_TRACK))
                .hasToString("2024/38/ETHNIC_MINORITY_POVERTY_RATE/RATE_POINTS/25.0/ON_TRACK");
    }

    @Test
    void keepsTheValueAsTheTargetsRecordSpellsIt() {
        Target target = aTarget().forUnit("15271").inYear(2026).ratePoints("+4.0").build();

        assertThat(target.value()).hasToString("4.0");
        assertThat(AlertId.of(target, "+4.0", TargetStatus.AT_RISK))
                .hasToString("2026/15271/POVERTY_RATE/RATE_POINTS/+4.0/AT_RISK");
    }

    @Test
    void oneTargetHasOneIdPerStatusAndAChangedTargetItsOwn() {
        Target households = aTarget().forUnit("15271").inYear(2026).households("2").build();
        Target more = aTarget().forUnit("15271").inYear(2026).households("3").build();

        assertThat(AlertId.of(households, "2", TargetStatus.MISSED)).isEqualTo(AlertId.of(households, "2", TargetStatus.MISSED))
                .isNotEqualTo(AlertId.of(households, "2", TargetStatus.AT_RISK))
                .isNotEqualTo(AlertId.of(more, "3", TargetStatus.MISSED));
    }
}
