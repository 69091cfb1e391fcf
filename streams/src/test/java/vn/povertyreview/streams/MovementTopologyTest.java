package vn.povertyreview.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.povertyreview.domain.rollup.Figure.END_NEAR_POOR;
import static vn.povertyreview.domain.rollup.Figure.END_POOR;
import static vn.povertyreview.domain.rollup.Figure.ESCAPED;
import static vn.povertyreview.domain.rollup.Figure.ESCAPED_INTO_NEAR_POOR;
import static vn.povertyreview.domain.rollup.Figure.EXITED_NEAR_POOR;
import static vn.povertyreview.domain.rollup.Figure.EXITED_NEAR_POOR_INTO_POOR;
import static vn.povertyreview.domain.rollup.Figure.NEAR_POOR_NOT_YET_REVIEWED;
import static vn.povertyreview.domain.rollup.Figure.NEWLY_ESCAPED;
import static vn.povertyreview.domain.rollup.Figure.NEWLY_NEAR_POOR;
import static vn.povertyreview.domain.rollup.Figure.NEWLY_POOR;
import static vn.povertyreview.domain.rollup.Figure.POOR_MOVED_IN;
import static vn.povertyreview.domain.rollup.Figure.POOR_MOVED_OUT;
import static vn.povertyreview.domain.rollup.Figure.POOR_NOT_YET_REVIEWED;
import static vn.povertyreview.domain.rollup.Figure.RE_POOR;
import static vn.povertyreview.domain.rollup.Figure.START_NEAR_POOR;
import static vn.povertyreview.domain.rollup.Figure.START_POOR;
import static vn.povertyreview.testsupport.ReviewBuilder.aReview;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.povertyreview.domain.movement.MovementFigure;
import vn.povertyreview.domain.rollup.Figure;
import vn.povertyreview.schemas.UnitRollup;

/**
 * Each movement of a household over the years, through the whole topology: what the rollups of
 * the units it leaves and joins say at the start and end of each year. Every test ends by checking
 * that no unit's movement figures broke a balance.
 */
class MovementTopologyTest {

    /** Thị trấn Hà Trung until 2024; from 2025 the merged Xã Hà Trung, which also took in Xã Hà Ngọc. */
    private static final String HA_TRUNG = "15271";
    private static final String HA_NGOC_2024 = "15304";
    /** Xã Hà Vinh until 2024; merged into Phường Bỉm Sơn (14812) in 2025. */
    private static final String HA_VINH_2024 = "15277";
    private static final String BIM_SON_2025 = "14812";

    @TempDir
    Path stateDir;
    RollupHarness pipeline;

    @BeforeEach
    void start() {
        pipeline = new RollupHarness(stateDir);
    }

    @AfterEach
    void noUnitOutOfBalance() {
        pipeline.settle();
        assertThat(pipeline.balanceViolations()).as("movement balance violations").isZero();
        pipeline.close();
    }

    /** The movement figures of a unit and year that are not zero. */
    private Map<Figure, Long> movement(int year, String unitCode) {
        UnitRollup rollup = pipeline.settle().get(year + "/" + unitCode);
        assertThat(rollup).as("rollup of %s in %d", unitCode, year).isNotNull();
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        for (MovementFigure movement : MovementFigure.values()) {
            Figure figure = Figure.of(movement);
            long count = RollupValues.figures(rollup).get(figure.name());
            if (count != 0) {
                figures.put(figure, count);
            }
        }
        return figures;
    }

    @Test
    void aHouseholdThatEscapesAndFallsBackTwoYearsLaterIsRePoor() {
        pipeline.submit(aReview().household("HH-1").year(2023).inVillage(HA_TRUNG + "-TK1").poor());
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage(HA_TRUNG + "-TK1").notPoor());
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(HA_TRUNG + "-TK1").notPoor());
        pipeline.submit(aReview().household("HH-1").year(2026).inVillage(HA_TRUNG + "-TK1").poor());

        assertThat(movement(2023, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(NEWLY_POOR, 1L, END_POOR, 1L));
        assertThat(movement(2024, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(
                START_POOR, 1L, ESCAPED, 1L, NEWLY_ESCAPED, 1L));
        assertThat(movement(2025, HA_TRUNG)).as("still newly escaped a year on, across the reform")
                .containsExactlyInAnyOrderEntriesOf(Map.of(NEWLY_ESCAPED, 1L));
        assertThat(movement(2026, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(RE_POOR, 1L, END_POOR, 1L));
        assertThat(movement(2026, "VN")).containsExactlyInAnyOrderEntriesOf(Map.of(RE_POOR, 1L, END_POOR, 1L));
        assertThat(movement(2027, HA_TRUNG)).as("poor at the end of 2026, not yet reviewed in 2027")
                .containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, POOR_NOT_YET_REVIEWED, 1L));
    }

    @Test
    void aHouseholdPoorForTheFirstTimeIsNewlyPoorAndOneThatEscapesIntoNearPovertySaysSo() {
        pipeline.submit(aReview().household("HH-NEW").year(2024).inVillage(HA_TRUNG + "-TK1").notPoor());
        pipeline.submit(aReview().household("HH-NEW").year(2025).inVillage(HA_TRUNG + "-TK1").poor());
        pipeline.submit(aReview().household("HH-UP").year(2024).inVillage(HA_TRUNG + "-TK2").poor());
        pipeline.submit(aReview().household("HH-UP").year(2025).inVillage(HA_TRUNG + "-TK2").nearPoor());

        assertThat(movement(2025, HA_TRUNG + "-TK1")).containsExactlyInAnyOrderEntriesOf(Map.of(NEWLY_POOR, 1L, END_POOR, 1L));
        assertThat(movement(2025, HA_TRUNG + "-TK2")).containsExactlyInAnyOrderEntriesOf(Map.of(
                START_POOR, 1L, ESCAPED, 1L, ESCAPED_INTO_NEAR_POOR, 1L, NEWLY_ESCAPED, 1L,
                NEWLY_NEAR_POOR, 1L, END_NEAR_POOR, 1L));
        assertThat(movement(2025, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(
                START_POOR, 1L, ESCAPED, 1L, ESCAPED_INTO_NEAR_POOR, 1L, NEWLY_ESCAPED, 1L,
                NEWLY_POOR, 1L, END_POOR, 1L, NEWLY_NEAR_POOR, 1L, END_NEAR_POOR, 1L));
    }

    @Test
    void aNearPoorHouseholdThatFallsIntoPovertyLeavesNearPoverty() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(HA_TRUNG + "-TK1").nearPoor());
        pipeline.submit(aReview().household("HH-1").year(2026).inVillage(HA_TRUNG + "-TK1").poor());

        assertThat(movement(2026, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(
                START_NEAR_POOR, 1L, EXITED_NEAR_POOR, 1L, EXITED_NEAR_POOR_INTO_POOR, 1L, NEWLY_POOR, 1L, END_POOR, 1L));
    }

    @Test
    void aPoorHouseholdNotYetReviewedStaysInTheStartOfTheYear() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(HA_TRUNG + "-TK1").poor());
        pipeline.submit(aReview().household("HH-2").year(2025).inVillage(HA_TRUNG + "-TK1").nearPoor());

        assertThat(movement(2026, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(
                START_POOR, 1L, POOR_NOT_YET_REVIEWED, 1L, START_NEAR_POOR, 1L, NEAR_POOR_NOT_YET_REVIEWED, 1L));
        assertThat(pipeline.settle().get("2026/" + HA_TRUNG).getTotalHouseholds()).isZero();

        pipeline.submit(aReview().household("HH-1").year(2026).inVillage(HA_TRUNG + "-TK1").poor());
        assertThat(movement(2026, HA_TRUNG)).as("once reviewed, no longer counted as not yet reviewed")
                .containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, END_POOR, 1L,
                        START_NEAR_POOR, 1L, NEAR_POOR_NOT_YET_REVIEWED, 1L));
    }

    @Test
    void aPoorHouseholdThatMovesToAnotherProvinceMovesOutOfOneAndIntoTheOther() {
        String nghean = RollupHarness.MAPS.forReviewYear(2025).communesOf("40").get(0).code();
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(HA_TRUNG + "-TK1").poor());
        pipeline.submit(aReview().household("HH-1").year(2026).inVillage(nghean + "-X1").poor());

        assertThat(movement(2026, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, POOR_MOVED_OUT, 1L));
        assertThat(movement(2026, "38")).containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, POOR_MOVED_OUT, 1L));
        assertThat(movement(2026, nghean)).containsExactlyInAnyOrderEntriesOf(Map.of(POOR_MOVED_IN, 1L, END_POOR, 1L));
        assertThat(movement(2026, "40")).containsExactlyInAnyOrderEntriesOf(Map.of(POOR_MOVED_IN, 1L, END_POOR, 1L));
        assertThat(movement(2026, "VN")).as("the nation sees no move")
                .containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, END_POOR, 1L));
    }

    @Test
    void aHouseholdKeepsItsHistoryAcrossThe2025ReformAndAMergedCommuneStartsWithItsHouseholds2024Statuses() {
        // Two poor households of two 2024 communes that merged into Xã Hà Trung; one reviewed there in 2025.
        pipeline.submit(aReview().household("HH-TOWN").year(2024).inVillage(HA_TRUNG + "-TK1").poor());
        pipeline.submit(aReview().household("HH-NGOC").year(2024).inVillage(HA_NGOC_2024 + "-T3").poor());
        pipeline.submit(aReview().household("HH-TOWN").year(2025).inVillage(HA_TRUNG + "-TK1").notPoor());

        assertThat(movement(2025, HA_TRUNG)).as("start of 2025 = sum of its households' 2024 statuses; no move")
                .containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 2L, ESCAPED, 1L, NEWLY_ESCAPED, 1L,
                        POOR_NOT_YET_REVIEWED, 1L));
        assertThat(pipeline.settle()).doesNotContainKey("2025/" + HA_NGOC_2024);
    }

    /** A figure of a unit's rollup of the year; zero when the unit has no rollup. */
    private long figure(int year, String unitCode, Figure figure) {
        UnitRollup rollup = pipeline.settle().get(year + "/" + unitCode);
        return rollup == null ? 0 : RollupValues.figures(rollup).get(figure.name());
    }

    @Test
    void theStartOfTheYearCountsLastYearsHouseholdsAndEthnicMinorityPoorOnTheirStartPathsAcrossTheReform() {
        // Two households of two 2024 communes merged into Xã Hà Trung: one reviewed there in 2025, one not yet.
        pipeline.submit(aReview().household("HH-TOWN").year(2024).inVillage(HA_TRUNG + "-TK1").poor().ethnicMinority());
        pipeline.submit(aReview().household("HH-TOWN").year(2025).inVillage(HA_TRUNG + "-TK1").notPoor().ethnicMinority());
        pipeline.submit(aReview().household("HH-NGOC").year(2024).inVillage(HA_NGOC_2024 + "-T3").notPoor());
        // And one of Xã Hà Vinh (into Phường Bỉm Sơn), reviewed in Xã Hà Trung in 2025: it moved.
        pipeline.submit(aReview().household("HH-VINH").year(2024).inVillage(HA_VINH_2024 + "-T2").poor().ethnicMinority());
        pipeline.submit(aReview().household("HH-VINH").year(2025).inVillage(HA_TRUNG + "-TK2").poor().ethnicMinority());

        assertThat(figure(2025, HA_TRUNG, Figure.START_HOUSEHOLDS)).as("the merged commune starts with both its old communes' households")
                .isEqualTo(2);
        assertThat(figure(2025, HA_TRUNG, Figure.START_ETHNIC_MINORITY_POOR)).isEqualTo(1);
        assertThat(figure(2025, HA_TRUNG, Figure.START_POOR)).isEqualTo(1);
        assertThat(figure(2025, HA_TRUNG + "-T3", Figure.START_HOUSEHOLDS)).as("not yet reviewed: its village under the successor")
                .isEqualTo(1);
        assertThat(figure(2025, HA_TRUNG, Figure.HOUSEHOLDS)).isEqualTo(2);
        assertThat(figure(2025, BIM_SON_2025, Figure.START_HOUSEHOLDS)).as("moved out: starts in its old commune's successor")
                .isEqualTo(1);
        assertThat(figure(2025, BIM_SON_2025, Figure.START_ETHNIC_MINORITY_POOR)).isEqualTo(1);
        assertThat(figure(2025, BIM_SON_2025, Figure.HOUSEHOLDS)).isZero();
        assertThat(figure(2025, "38", Figure.START_HOUSEHOLDS)).isEqualTo(3);
        assertThat(figure(2025, "38", Figure.START_ETHNIC_MINORITY_POOR)).isEqualTo(2);
        assertThat(pipeline.settle()).doesNotContainKey("2025/" + HA_NGOC_2024);
        for (int year = 2025; year <= 2026; year++) {
            assertThat(figure(year, "VN", Figure.START_HOUSEHOLDS)).as("the nation starts %d with %d's households", year, year - 1)
                    .isEqualTo(figure(year - 1, "VN", Figure.HOUSEHOLDS));
            assertThat(figure(year, "VN", Figure.START_POOR)).isEqualTo(figure(year - 1, "VN", Figure.POOR));
            assertThat(figure(year, "VN", Figure.START_ETHNIC_MINORITY_POOR))
                    .isEqualTo(figure(year - 1, "VN", Figure.ETHNIC_MINORITY_POOR));
        }
        assertThat(figure(2026, HA_TRUNG, Figure.START_HOUSEHOLDS)).as("2025's two households, not yet reviewed in 2026").isEqualTo(2);
        assertThat(figure(2026, HA_TRUNG, Figure.START_ETHNIC_MINORITY_POOR)).isEqualTo(1);

        pipeline.withdraw(2024, "HH-TOWN");
        assertThat(figure(2025, HA_TRUNG, Figure.START_HOUSEHOLDS)).as("a withdrawn 2024 review leaves the 2025 start").isEqualTo(1);
        assertThat(figure(2025, HA_TRUNG, Figure.START_ETHNIC_MINORITY_POOR)).isZero();
        assertThat(figure(2025, "VN", Figure.START_HOUSEHOLDS)).isEqualTo(figure(2024, "VN", Figure.HOUSEHOLDS)).isEqualTo(2);
    }

    @Test
    void aHouseholdThatMovesBetweenCommunesAcrossTheReformLeavesTheSuccessorOfItsOldCommune() {
        // Reviewed in Xã Hà Vinh in 2024 (which became part of Phường Bỉm Sơn), in Xã Hà Trung in 2025.
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage(HA_VINH_2024 + "-T2").poor());
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(HA_TRUNG + "-TK1").poor());

        assertThat(movement(2024, HA_VINH_2024)).containsExactlyInAnyOrderEntriesOf(Map.of(NEWLY_POOR, 1L, END_POOR, 1L));
        assertThat(movement(2025, BIM_SON_2025)).containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, POOR_MOVED_OUT, 1L));
        assertThat(movement(2025, BIM_SON_2025 + "-T2")).containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, POOR_MOVED_OUT, 1L));
        assertThat(movement(2025, HA_TRUNG)).as("compared with its own 2024 status: still poor, not newly poor")
                .containsExactlyInAnyOrderEntriesOf(Map.of(POOR_MOVED_IN, 1L, END_POOR, 1L));
        assertThat(movement(2025, "38")).containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, END_POOR, 1L));
    }

    @Test
    void anEarlierYearArrivingLateRewritesTheLaterYearsMovement() {
        pipeline.submit(aReview().household("HH-1").year(2026).inVillage(HA_TRUNG + "-TK1").poor());
        assertThat(movement(2026, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(NEWLY_POOR, 1L, END_POOR, 1L));

        // Its 2024 review arrives after its 2026 one: poor then, so 2026 is a fall back, not a first time.
        pipeline.submit(aReview().household("HH-1").year(2024).inVillage(HA_TRUNG + "-TK1").poor());
        assertThat(movement(2026, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(RE_POOR, 1L, END_POOR, 1L));
        assertThat(movement(2025, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, POOR_NOT_YET_REVIEWED, 1L));

        // And its 2025 review arrives last: still poor, so 2026 simply continues.
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(HA_TRUNG + "-TK1").poor());
        assertThat(movement(2025, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, END_POOR, 1L));
        assertThat(movement(2026, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, END_POOR, 1L));
    }

    @Test
    void withdrawingAnEarlierYearTakesItOutOfTheLaterYearsStart() {
        pipeline.submit(aReview().household("HH-1").year(2025).inVillage(HA_TRUNG + "-TK1").poor());
        pipeline.submit(aReview().household("HH-1").year(2026).inVillage(HA_TRUNG + "-TK1").notPoor());
        assertThat(movement(2026, HA_TRUNG)).containsExactlyInAnyOrderEntriesOf(Map.of(START_POOR, 1L, ESCAPED, 1L, NEWLY_ESCAPED, 1L));

        pipeline.withdraw(2025, "HH-1");
        assertThat(movement(2025, HA_TRUNG)).isEmpty();
        assertThat(movement(2026, HA_TRUNG)).as("nothing to escape from any more").isEmpty();
        assertThat(pipeline.settle().get("2026/" + HA_TRUNG).getTotalHouseholds()).isEqualTo(1);
    }
}
