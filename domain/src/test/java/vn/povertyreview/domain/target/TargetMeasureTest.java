package vn.povertyreview.domain.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.domain.target.Targets.count;
import static vn.povertyreview.domain.target.Targets.sum;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.domain.rollup.Tally;

class TargetMeasureTest {

    /** Last year 10 households, 6 poor of which 4 ethnic-minority poor; this year 8 reviewed, 3 poor, 1 ethnic-minority poor. */
    private static final Tally SUM = sum(Map.of(
            Figure.START_HOUSEHOLDS, 10L, Figure.START_POOR, 6L, Figure.START_ETHNIC_MINORITY_POOR, 4L,
            Figure.HOUSEHOLDS, 8L, Figure.POOR, 3L, Figure.ETHNIC_MINORITY_POOR, 1L));

    @Test
    void thePreviousYearsFinalFigureIsTheStartOfTheYearAsEachMeasureCountsIt() {
        assertThat(TargetMeasure.POVERTY_RATE.previousYearFinalIn(SUM)).contains(count(6, 10));
        assertThat(TargetMeasure.ETHNIC_MINORITY_POVERTY_RATE.previousYearFinalIn(SUM)).contains(count(4, 10));
        // Not this year's figures, which are the current count.
        assertThat(TargetMeasure.POVERTY_RATE.countIn(SUM)).isEqualTo(count(3, 8));
        assertThat(TargetMeasure.ETHNIC_MINORITY_POVERTY_RATE.countIn(SUM)).isEqualTo(count(1, 8));
    }

    @Test
    void aUnitWithNoHouseholdsAtTheStartOfTheYearHasNoPreviousYearFinalFigure() {
        Tally newUnit = sum(Map.of(Figure.HOUSEHOLDS, 8L, Figure.POOR, 3L));

        for (TargetMeasure measure : TargetMeasure.values()) {
            assertThat(measure.previousYearFinalIn(newUnit)).as(measure.name()).isEmpty();
        }
        // Zero poor at the start is still a figure: a unit that had no poor households.
        assertThat(TargetMeasure.POVERTY_RATE.previousYearFinalIn(sum(Map.of(Figure.START_HOUSEHOLDS, 5L))))
                .contains(count(0, 5));
    }

    @Test
    void startFiguresThatBreakARuleOfACountAreRefused() {
        Tally broken = sum(Map.of(Figure.START_HOUSEHOLDS, 2L, Figure.START_POOR, 3L));

        assertThatThrownBy(() -> TargetMeasure.POVERTY_RATE.previousYearFinalIn(broken))
                .isInstanceOfSatisfying(TargetRuleException.class,
                        e -> assertThat(e.rule()).isEqualTo("poorHouseholds.atMostTotal"));
    }
}
