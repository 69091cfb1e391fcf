package vn.povertyreview.domain.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.povertyreview.domain.movement.Households.SUCCESSION;
import static vn.povertyreview.domain.movement.Households.aHousehold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MovementBalanceTest {

    private static long[] counts(Map<MovementFigure, Long> figures) {
        long[] counts = new long[MovementFigure.values().length];
        figures.forEach((figure, count) -> counts[figure.ordinal()] = count);
        return counts;
    }

    @Test
    void findsNothingWrongWithFiguresThatBalance() {
        MovementTally figures = MovementTally.of(counts(Map.of(
                MovementFigure.START_POOR, 20L, MovementFigure.ESCAPED, 6L, MovementFigure.NEWLY_POOR, 2L,
                MovementFigure.RE_POOR, 1L, MovementFigure.POOR_MOVED_IN, 3L, MovementFigure.POOR_MOVED_OUT, 4L,
                MovementFigure.POOR_NOT_YET_REVIEWED, 1L, MovementFigure.END_POOR, 15L)));

        assertThat(MovementBalance.check("15271", 2025, figures)).isEmpty();
    }

    @Test
    void reportsTheUnitYearIdentityAndBothSidesOfABrokenBalance() {
        MovementTally figures = MovementTally.of(counts(Map.of(
                MovementFigure.START_POOR, 20L, MovementFigure.ESCAPED, 6L, MovementFigure.END_POOR, 15L,
                MovementFigure.EXITED_NEAR_POOR, 2L, MovementFigure.EXITED_NEAR_POOR_INTO_POOR, 1L,
                MovementFigure.START_NEAR_POOR, 2L)));

        List<BalanceViolation> violations = MovementBalance.check("15271", 2025, figures);

        assertThat(violations).containsExactly(
                new BalanceViolation("15271", 2025, MovementIdentity.POOR_BALANCE, 15, 14),
                new BalanceViolation("15271", 2025, MovementIdentity.NEAR_POOR_EXIT_SPLIT, 2, 1));
        assertThat(violations.get(0).difference()).isEqualTo(1);
        assertThat(violations.get(0).describe()).contains("unit 15271 year 2025", "POOR_BALANCE",
                "END_POOR = START_POOR + NEWLY_POOR + RE_POOR + POOR_MOVED_IN − ESCAPED − POOR_MOVED_OUT − POOR_NOT_YET_REVIEWED",
                "left side 15, right side 14");
    }

    @Test
    void unitsSummedFromHouseholdContributionsBalanceAndAPartlyLostContributionShows() {
        List<HouseholdHistory> households = List.of(
                aHousehold().poorIn(2024, "15304-THON3").poorIn(2025, "17935-XOM1").history(),
                aHousehold().poorIn(2024, "15271-TK1").nearPoorIn(2025, "15286-TK1").history(),
                aHousehold().nearPoorIn(2024, "15328-THON2").history(),
                aHousehold().poorIn(2025, "15271-HN3").history());
        Map<String, MovementTally> sums = new LinkedHashMap<>();
        for (HouseholdHistory household : households) {
            Movements.of(household, 2025, SUCCESSION).forEach((unit, tally) -> sums.merge(unit, tally, MovementTally::plus));
        }

        assertThat(MovementBalance.check(2025, sums)).isEmpty();

        // Each household's contribution balances on its own, so only a partial loss can unbalance a unit.
        Map<String, MovementTally> lost = new LinkedHashMap<>(sums);
        lost.merge("38", MovementTally.of(counts(Map.of(MovementFigure.END_POOR, 1L))), MovementTally::minus);
        assertThat(MovementBalance.check(2025, lost)).extracting(BalanceViolation::unitCode, BalanceViolation::identity)
                .containsExactly(tuple("38", MovementIdentity.POOR_BALANCE));
    }

    @Test
    void aStoredTallyShorterThanTheFigureListReadsTheMissingFiguresAsZero() {
        MovementTally stored = MovementTally.of(3, 1);

        assertThat(stored.get(MovementFigure.START_POOR)).isEqualTo(3);
        assertThat(stored.get(MovementFigure.NEWLY_ESCAPED)).isZero();
        assertThat(stored.plus(stored).minus(stored)).isEqualTo(stored);
        assertThat(stored.plus(stored.negated()).isZero()).isTrue();
    }
}
