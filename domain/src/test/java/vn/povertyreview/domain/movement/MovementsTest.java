package vn.povertyreview.domain.movement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.domain.movement.Households.SUCCESSION;
import static vn.povertyreview.domain.movement.Households.aHousehold;
import static vn.povertyreview.domain.movement.MovementFigure.END_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.END_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.ESCAPED;
import static vn.povertyreview.domain.movement.MovementFigure.ESCAPED_INTO_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.EXITED_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.EXITED_NEAR_POOR_INTO_NOT_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.EXITED_NEAR_POOR_INTO_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.NEAR_POOR_MOVED_IN;
import static vn.povertyreview.domain.movement.MovementFigure.NEAR_POOR_MOVED_OUT;
import static vn.povertyreview.domain.movement.MovementFigure.NEAR_POOR_NOT_YET_REVIEWED;
import static vn.povertyreview.domain.movement.MovementFigure.NEWLY_ESCAPED;
import static vn.povertyreview.domain.movement.MovementFigure.NEWLY_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.NEWLY_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.POOR_MOVED_IN;
import static vn.povertyreview.domain.movement.MovementFigure.POOR_MOVED_OUT;
import static vn.povertyreview.domain.movement.MovementFigure.POOR_NOT_YET_REVIEWED;
import static vn.povertyreview.domain.movement.MovementFigure.RE_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.RE_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.START_NEAR_POOR;
import static vn.povertyreview.domain.movement.MovementFigure.START_POOR;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real units of Thanh Hóa (38): district Hà Trung (392) with Thị trấn Hà Trung (15271) and Xã Hà
 * Ngọc (15304) in the three-level map; from 2025 the merged Xã Hà Trung (15271), which took the
 * whole of Hà Ngọc and part of the old town, and Xã Hoạt Giang (15286), which took the rest of the
 * town. Nghệ An (40): the 2025 Xã Nam Đàn (17935).
 */
class MovementsTest {

    private static Map<String, MovementTally> movements(Households household, int year) {
        return Movements.of(household.history(), year, SUCCESSION);
    }

    /** A tally with a one in each of the figures, the contribution of one household. */
    private static MovementTally ones(MovementFigure... figures) {
        long[] counts = new long[MovementFigure.values().length];
        for (MovementFigure figure : figures) {
            counts[figure.ordinal()]++;
        }
        return MovementTally.of(counts);
    }

    @Test
    void countsLastYearsPoorHouseholdInTheStartOfEveryUnitOfItsPlace() {
        Households household = aHousehold().poorIn(2023, "15271-TK1").poorIn(2024, "15271-TK1");

        assertThat(movements(household, 2024))
                .containsOnlyKeys("15271-TK1", "15271", "392", "38", "VN")
                .allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(START_POOR, END_POOR)));
    }

    @Test
    void countsThisYearsPoorHouseholdInTheEndOfEveryUnitOfItsPlace() {
        Households household = aHousehold().notPoorIn(2022, "15271-TK1").poorIn(2023, "15271-TK1").poorIn(2024, "15271-TK1");

        assertThat(movements(household, 2023)).allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(NEWLY_POOR, END_POOR)));
        assertThat(movements(household, 2024)).allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(START_POOR, END_POOR)));
    }

    @Test
    void countsAPoorHouseholdFoundNotPoorAsEscaped() {
        Households household = aHousehold().poorIn(2023, "15271-TK1").notPoorIn(2024, "15271-TK1");

        assertThat(movements(household, 2024))
                .containsOnlyKeys("15271-TK1", "15271", "392", "38", "VN")
                .allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(START_POOR, ESCAPED, NEWLY_ESCAPED)));
    }

    @Test
    void countsAnEscapeIntoNearPovertyAlsoAsEscapedIntoNearPoor() {
        Households household = aHousehold().poorIn(2023, "15271-TK1").nearPoorIn(2024, "15271-TK1");

        assertThat(movements(household, 2024)).allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(
                ones(START_POOR, ESCAPED, ESCAPED_INTO_NEAR_POOR, NEWLY_NEAR_POOR, END_NEAR_POOR, NEWLY_ESCAPED)));
    }

    @Test
    void countsAHouseholdPoorForTheFirstTimeAsNewlyPoor() {
        Households reviewedBefore = aHousehold().nearPoorIn(2023, "15271-TK1").poorIn(2024, "15271-TK1");
        Households firstReviewed = aHousehold().poorIn(2024, "15271-TK1");

        assertThat(movements(reviewedBefore, 2024)).allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(
                ones(START_NEAR_POOR, EXITED_NEAR_POOR, EXITED_NEAR_POOR_INTO_POOR, NEWLY_POOR, END_POOR)));
        assertThat(movements(firstReviewed, 2024)).allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(NEWLY_POOR, END_POOR)));
    }

    @Test
    void countsAHouseholdPoorAgainAfterAnEarlierYearOfPovertyAsRePoor() {
        Households household = aHousehold().poorIn(2022, "15271-TK1").notPoorIn(2023, "15271-TK1").poorIn(2024, "15271-TK1");

        assertThat(movements(household, 2024)).allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(RE_POOR, END_POOR)));
    }

    @Test
    void countsAPoorHouseholdThatMovedVillageAsOutOfTheOldAndIntoTheNewUnitsOnly() {
        Households household = aHousehold().poorIn(2023, "15271-TK1").poorIn(2024, "15304-THON3");

        Map<String, MovementTally> movements = movements(household, 2024);

        assertThat(movements).containsOnlyKeys("15304-THON3", "15304", "392", "38", "VN", "15271-TK1", "15271");
        assertThat(movements.get("15271-TK1")).isEqualTo(ones(START_POOR, POOR_MOVED_OUT));
        assertThat(movements.get("15271")).isEqualTo(ones(START_POOR, POOR_MOVED_OUT));
        assertThat(movements.get("15304-THON3")).isEqualTo(ones(POOR_MOVED_IN, END_POOR));
        assertThat(movements.get("15304")).isEqualTo(ones(POOR_MOVED_IN, END_POOR));
        assertThat(movements.get("392")).isEqualTo(ones(START_POOR, END_POOR));
        assertThat(movements.get("VN")).isEqualTo(ones(START_POOR, END_POOR));
    }

    @Test
    void countsAPoorHouseholdThatMovedAndEscapedAsMovedOutThereAndEscapedHere() {
        Households household = aHousehold().poorIn(2023, "15271-TK1").notPoorIn(2024, "15271-TK2");

        Map<String, MovementTally> movements = movements(household, 2024);

        assertThat(movements.get("15271-TK1")).isEqualTo(ones(START_POOR, POOR_MOVED_OUT));
        assertThat(movements.get("15271-TK2")).isEqualTo(ones(POOR_MOVED_IN, ESCAPED, NEWLY_ESCAPED));
        assertThat(movements.get("15271")).isEqualTo(ones(START_POOR, ESCAPED, NEWLY_ESCAPED));
    }

    @Test
    void countsAPoorHouseholdWithoutAReviewThisYearAsNotYetReviewed() {
        Households household = aHousehold().poorIn(2023, "15271-TK1");

        assertThat(movements(household, 2024))
                .containsOnlyKeys("15271-TK1", "15271", "392", "38", "VN")
                .allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(START_POOR, POOR_NOT_YET_REVIEWED)));
    }

    @Test
    void countsANearPoorHouseholdFoundNeitherPoorNorNearPoorAsExitedIntoNotPoor() {
        Households household = aHousehold().nearPoorIn(2023, "15271-TK1").notPoorIn(2024, "15271-TK1");

        assertThat(movements(household, 2024)).allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(
                ones(START_NEAR_POOR, EXITED_NEAR_POOR, EXITED_NEAR_POOR_INTO_NOT_POOR)));
    }

    @Test
    void countsNearPoorForTheFirstTimeAsNewlyAndAgainAsReNearPoor() {
        Households household = aHousehold().nearPoorIn(2022, "15271-TK1").notPoorIn(2023, "15271-TK1").nearPoorIn(2024, "15271-TK1");

        assertThat(movements(household, 2022)).allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(NEWLY_NEAR_POOR, END_NEAR_POOR)));
        assertThat(movements(household, 2024)).allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(RE_NEAR_POOR, END_NEAR_POOR)));
    }

    @Test
    void movesAndMissedReviewsOfNearPoorHouseholdsCountLikeThoseOfPoorOnes() {
        Households moved = aHousehold().nearPoorIn(2023, "15271-TK1").nearPoorIn(2024, "15304-THON3");
        Households missed = aHousehold().nearPoorIn(2023, "15271-TK1");

        assertThat(movements(moved, 2024).get("15271")).isEqualTo(ones(START_NEAR_POOR, NEAR_POOR_MOVED_OUT));
        assertThat(movements(moved, 2024).get("15304")).isEqualTo(ones(NEAR_POOR_MOVED_IN, END_NEAR_POOR));
        assertThat(movements(moved, 2024).get("392")).isEqualTo(ones(START_NEAR_POOR, END_NEAR_POOR));
        assertThat(movements(missed, 2024).get("15271")).isEqualTo(ones(START_NEAR_POOR, NEAR_POOR_NOT_YET_REVIEWED));
    }

    @Test
    void keepsAnEscapedHouseholdNewlyEscapedForThreeReviews() {
        Households household = aHousehold().poorIn(2022, "15271-TK1").notPoorIn(2023, "15271-TK1")
                .notPoorIn(2024, "15271-TK1").notPoorIn(2025, "15271-TK1").notPoorIn(2026, "15271-TK1");

        assertThat(movements(household, 2023).get("15271").get(NEWLY_ESCAPED)).isEqualTo(1);
        assertThat(movements(household, 2024).get("15271").get(NEWLY_ESCAPED)).isEqualTo(1);
        assertThat(movements(household, 2025).get("15271").get(NEWLY_ESCAPED)).isEqualTo(1);
        assertThat(movements(household, 2026)).isEmpty();
    }

    @Test
    void countsAPoorHouseholdFoundNotPoorAfterAMissedReviewAsNewlyEscapedButNotAsEscaped() {
        Households household = aHousehold().poorIn(2022, "15271-TK1").notPoorIn(2024, "15271-TK1");

        assertThat(movements(household, 2023).get("15271")).isEqualTo(ones(START_POOR, POOR_NOT_YET_REVIEWED));
        assertThat(movements(household, 2024).get("15271")).isEqualTo(ones(NEWLY_ESCAPED));
    }

    @Test
    void countsAHouseholdThatEscapesIn2023AndFallsBackIn2025AsRePoorNoLongerNewlyEscaped() {
        Households household = aHousehold().poorIn(2022, "15271-TK1").notPoorIn(2023, "15271-TK1")
                .notPoorIn(2024, "15271-TK1").poorIn(2025, "15271-TK1");

        assertThat(movements(household, 2023).get("15271")).isEqualTo(ones(START_POOR, ESCAPED, NEWLY_ESCAPED));
        assertThat(movements(household, 2024).get("15271")).isEqualTo(ones(NEWLY_ESCAPED));
        assertThat(movements(household, 2025))
                .containsOnlyKeys("15271-TK1", "15271", "38", "VN")
                .allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(RE_POOR, END_POOR)));
    }

    @Test
    void countsAHouseholdThatStaysInAMergedCommuneAtTheStartOfTheNewCommuneWithoutAMove() {
        // Xã Hà Ngọc went wholly into the new Xã Hà Trung, whose villages were renumbered.
        Households household = aHousehold().poorIn(2024, "15304-THON3").poorIn(2025, "15271-HN3");

        assertThat(movements(household, 2025))
                .containsOnlyKeys("15271-HN3", "15271", "38", "VN")
                .allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(START_POOR, END_POOR)));
    }

    @Test
    void countsAHouseholdInAnyPartOfASplitCommuneAsNotMoved() {
        // Thị trấn Hà Trung went partly into Xã Hà Trung and partly into Xã Hoạt Giang.
        Households household = aHousehold().poorIn(2024, "15271-TK1").notPoorIn(2025, "15286-TK1");

        assertThat(movements(household, 2025))
                .containsOnlyKeys("15286-TK1", "15286", "38", "VN")
                .allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(START_POOR, ESCAPED, NEWLY_ESCAPED)));
    }

    @Test
    void countsAHouseholdThatMovedAcrossTheReformOutOfItsTranslatedPlaceAndIntoItsNewOne() {
        Households household = aHousehold().poorIn(2024, "15304-THON3").poorIn(2025, "17935-XOM1");

        Map<String, MovementTally> movements = movements(household, 2025);

        assertThat(movements).containsOnlyKeys("17935-XOM1", "17935", "40", "VN", "15271-THON3", "15271", "38");
        assertThat(movements.get("15271-THON3")).isEqualTo(ones(START_POOR, POOR_MOVED_OUT));
        assertThat(movements.get("15271")).isEqualTo(ones(START_POOR, POOR_MOVED_OUT));
        assertThat(movements.get("38")).isEqualTo(ones(START_POOR, POOR_MOVED_OUT));
        assertThat(movements.get("17935-XOM1")).isEqualTo(ones(POOR_MOVED_IN, END_POOR));
        assertThat(movements.get("17935")).isEqualTo(ones(POOR_MOVED_IN, END_POOR));
        assertThat(movements.get("40")).isEqualTo(ones(POOR_MOVED_IN, END_POOR));
        assertThat(movements.get("VN")).isEqualTo(ones(START_POOR, END_POOR));
    }

    @Test
    void attributesAHouseholdNotYetReviewedAfterTheReformToThePrimarySuccessorOfItsCommune() {
        Households fromTheOldTown = aHousehold().poorIn(2024, "15271-TK1");
        Households fromHaBinh = aHousehold().nearPoorIn(2024, "15328-THON2");

        assertThat(movements(fromTheOldTown, 2025))
                .containsOnlyKeys("15271-TK1", "15271", "38", "VN")
                .allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(START_POOR, POOR_NOT_YET_REVIEWED)));
        // Xã Hà Bình was split between Xã Hà Trung and Xã Hoạt Giang; the list names Hà Trung first.
        assertThat(movements(fromHaBinh, 2025))
                .containsOnlyKeys("15271-THON2", "15271", "38", "VN")
                .allSatisfy((unit, tally) -> assertThat(tally).isEqualTo(ones(START_NEAR_POOR, NEAR_POOR_NOT_YET_REVIEWED)));
    }

    @Test
    void aHouseholdNeitherPoorNorNearPoorNorNewlyEscapedContributesNothing() {
        Households household = aHousehold().notPoorIn(2023, "15271-TK1").notPoorIn(2024, "15304-THON3");

        assertThat(movements(household, 2024)).isEmpty();
        assertThat(movements(household, 2026)).isEmpty();
    }

    @Test
    void contributionsCannotBeChangedByTheCaller() {
        Map<String, MovementTally> movements = movements(aHousehold().poorIn(2024, "15271-TK1"), 2024);

        assertThatThrownBy(() -> movements.put("VN", MovementTally.ZERO)).isInstanceOf(UnsupportedOperationException.class);
    }
}
