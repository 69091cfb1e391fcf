package vn.povertyreview.domain.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.povertyreview.domain.rollup.Figure.ETHNIC_MINORITY_POOR;
import static vn.povertyreview.domain.rollup.Figure.HOUSEHOLDS;
import static vn.povertyreview.domain.rollup.Figure.POOR;
import static vn.povertyreview.domain.rollup.Figure.START_ETHNIC_MINORITY_POOR;
import static vn.povertyreview.domain.rollup.Figure.START_HOUSEHOLDS;
import static vn.povertyreview.domain.rollup.Figure.START_POOR;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.povertyreview.domain.admin.AdminMap;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.AdminSuccession;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.admin.UnitLevel;
import vn.povertyreview.domain.movement.HouseholdHistory;
import vn.povertyreview.domain.movement.Movements;
import vn.povertyreview.domain.review.Classification;
import vn.povertyreview.domain.review.HouseholdPlace;

/**
 * The start-of-year baselines {@link Figure#START_HOUSEHOLDS} and
 * {@link Figure#START_ETHNIC_MINORITY_POOR}: the previous year's final figures of a household,
 * counted on its start path. Real units of Thanh Hóa (38): district Hà Trung (392) with Thị trấn Hà
 * Trung (15271) and Xã Hà Ngọc (15304) in the three-level map; from 2025 the merged Xã Hà Trung
 * (15271), which took the whole of Hà Ngọc and part of the old town. Nghệ An (40): the 2025 Xã Nam
 * Đàn (17935).
 */
class HouseholdYearFiguresTest {

    private static final AdminMaps MAPS = AdminMaps.official();
    private static final AdminSuccession SUCCESSION = AdminSuccession.official(MAPS);
    private static final List<Figure> START_FIGURES = List.of(START_HOUSEHOLDS, START_ETHNIC_MINORITY_POOR);

    /** A household's history, built one counted review at a time. */
    private static final class Household {
        private HouseholdHistory history = HouseholdHistory.empty();

        Household in(int year, Classification classification, String villageUnitCode, boolean ethnicMinority) {
            Tally figures = ReviewFigures.basic(classification);
            if (ethnicMinority) {
                figures = figures.plus(classification == Classification.POOR
                        ? Tally.one(Figure.ETHNIC_MINORITY, ETHNIC_MINORITY_POOR) : Tally.one(Figure.ETHNIC_MINORITY));
            }
            history = history.with(year, classification, place(year, villageUnitCode), figures);
            return this;
        }

        Household poorIn(int year, String villageUnitCode) {
            return in(year, Classification.POOR, villageUnitCode, false);
        }

        Household notPoorIn(int year, String villageUnitCode) {
            return in(year, Classification.NOT_POOR, villageUnitCode, false);
        }

        Household ethnicMinorityPoorIn(int year, String villageUnitCode) {
            return in(year, Classification.POOR, villageUnitCode, true);
        }

        Map<String, Tally> figures(int year) {
            return HouseholdYearFigures.of(history, year, SUCCESSION);
        }
    }

    private static Household aHousehold() {
        return new Household();
    }

    /** The place of a village {@code <communeCode>-<villageCode>} in the map of {@code year}. */
    private static HouseholdPlace place(int year, String villageUnitCode) {
        AdminMap map = MAPS.forReviewYear(year);
        String communeCode = villageUnitCode.substring(0, villageUnitCode.indexOf('-'));
        AdminUnit commune = map.unit(UnitLevel.COMMUNE, communeCode).orElseThrow();
        return new HouseholdPlace(villageUnitCode, communeCode, map.hasDistricts() ? commune.parentCode() : null,
                map.provinceOf(commune));
    }

    /** The units whose tally counts the household in {@code figure}. */
    private static Set<String> unitsWith(Map<String, Tally> figures, Figure figure) {
        Set<String> units = new TreeSet<>();
        figures.forEach((unit, tally) -> {
            if (tally.get(figure) != 0) {
                units.add(unit);
            }
        });
        return units;
    }

    private static Map<String, Tally> sum(List<Map<String, Tally>> contributions) {
        Map<String, Tally> sums = new HashMap<>();
        for (Map<String, Tally> contribution : contributions) {
            contribution.forEach((unit, tally) -> sums.merge(unit, tally, Tally::plus));
        }
        return sums;
    }

    private static long get(Map<String, Tally> figures, String unit, Figure figure) {
        Tally tally = figures.get(unit);
        return tally == null ? 0 : tally.get(figure);
    }

    @Test
    void aHouseholdThatStaysStartsTheYearInEveryUnitOfItsPlace() {
        Household household = aHousehold().ethnicMinorityPoorIn(2023, "15271-TK1").notPoorIn(2024, "15271-TK1");

        Map<String, Tally> figures = household.figures(2024);

        assertThat(figures).containsOnlyKeys("15271-TK1", "15271", "392", "38", "VN");
        assertThat(figures).allSatisfy((unit, tally) -> {
            assertThat(tally.get(START_HOUSEHOLDS)).as("start households of %s", unit).isEqualTo(1);
            assertThat(tally.get(START_ETHNIC_MINORITY_POOR)).as("ethnic-minority poor at the start of %s, poor last year", unit)
                    .isEqualTo(1);
            assertThat(tally.get(START_POOR)).as("start poor of %s", unit).isEqualTo(1);
            assertThat(tally.get(HOUSEHOLDS)).as("this year's households of %s", unit).isEqualTo(1);
            assertThat(tally.get(ETHNIC_MINORITY_POOR)).as("no longer poor this year").isZero();
        });
    }

    @Test
    void aHouseholdThatMovedWithinTheYearStartsInItsOldUnitsOnly() {
        Household household = aHousehold().notPoorIn(2023, "15271-TK1").poorIn(2024, "15304-THON3");

        Map<String, Tally> figures = household.figures(2024);

        assertThat(unitsWith(figures, START_HOUSEHOLDS)).containsExactlyInAnyOrder("15271-TK1", "15271", "392", "38", "VN");
        assertThat(unitsWith(figures, HOUSEHOLDS)).containsExactlyInAnyOrder("15304-THON3", "15304", "392", "38", "VN");
        assertThat(get(figures, "15304", START_HOUSEHOLDS)).as("moved in: not at the start of its new commune").isZero();
        assertThat(unitsWith(figures, START_ETHNIC_MINORITY_POOR)).isEmpty();
    }

    @Test
    void aHouseholdThatMovedAcrossTheReformToANonSuccessorCommuneStartsInThePrimarySuccessorOfItsOldOne() {
        Household household = aHousehold().ethnicMinorityPoorIn(2024, "15304-THON3").poorIn(2025, "17935-XOM1");

        Map<String, Tally> figures = household.figures(2025);

        assertThat(unitsWith(figures, START_HOUSEHOLDS)).containsExactlyInAnyOrder("15271-THON3", "15271", "38", "VN");
        assertThat(unitsWith(figures, START_ETHNIC_MINORITY_POOR)).containsExactlyInAnyOrder("15271-THON3", "15271", "38", "VN");
        assertThat(unitsWith(figures, START_HOUSEHOLDS)).as("where START_POOR counts it").isEqualTo(unitsWith(figures, START_POOR));
        assertThat(get(figures, "17935", START_HOUSEHOLDS)).isZero();
        assertThat(get(figures, "40", START_HOUSEHOLDS)).isZero();
        assertThat(get(figures, "17935", HOUSEHOLDS)).isEqualTo(1);
    }

    @Test
    void aMergedCommuneStartsWithTheSumOfItsOldCommunesHouseholds() {
        // Thị trấn Hà Trung and Xã Hà Ngọc went into the new Xã Hà Trung; Hà Ngọc's villages were renumbered.
        Household fromTheTown = aHousehold().ethnicMinorityPoorIn(2024, "15271-TK1").poorIn(2025, "15271-TK1");
        Household fromHaNgoc = aHousehold().notPoorIn(2024, "15304-THON3").notPoorIn(2025, "15271-HN3");
        Household fromHaNgocNotYetReviewed = aHousehold().ethnicMinorityPoorIn(2024, "15304-THON2");

        Map<String, Tally> figures = sum(List.of(fromTheTown.figures(2025), fromHaNgoc.figures(2025),
                fromHaNgocNotYetReviewed.figures(2025)));

        assertThat(get(figures, "15271", START_HOUSEHOLDS)).isEqualTo(3);
        assertThat(get(figures, "15271", START_POOR)).isEqualTo(2);
        assertThat(get(figures, "15271", START_ETHNIC_MINORITY_POOR)).isEqualTo(2);
        assertThat(get(figures, "15271-HN3", START_HOUSEHOLDS)).as("stayed: its start path is its end path").isEqualTo(1);
        assertThat(get(figures, "15271-THON2", START_HOUSEHOLDS)).as("not yet reviewed: attributed to the primary successor")
                .isEqualTo(1);
        assertThat(get(figures, "38", START_HOUSEHOLDS)).isEqualTo(3);
        assertThat(get(figures, "VN", START_HOUSEHOLDS)).isEqualTo(3);
        assertThat(figures).as("no unit of the old map in 2025").doesNotContainKeys("15304", "392");
    }

    @Test
    void aHouseholdNotReviewedThisYearStillStartsTheYear() {
        Household household = aHousehold().ethnicMinorityPoorIn(2025, "15271-TK1");

        Map<String, Tally> figures = household.figures(2026);

        assertThat(figures).containsOnlyKeys("15271-TK1", "15271", "38", "VN");
        assertThat(figures).allSatisfy((unit, tally) -> {
            assertThat(tally.get(START_HOUSEHOLDS)).isEqualTo(1);
            assertThat(tally.get(START_ETHNIC_MINORITY_POOR)).isEqualTo(1);
            assertThat(tally.get(HOUSEHOLDS)).isZero();
        });
        assertThat(household.figures(2027)).as("nothing in the year after a year without a review").isEmpty();
    }

    @Test
    void aHouseholdNotReviewedLastYearAddsNothingToTheStart() {
        Household household = aHousehold().ethnicMinorityPoorIn(2024, "15271-TK1").ethnicMinorityPoorIn(2026, "15271-TK1");

        for (Figure figure : START_FIGURES) {
            assertThat(unitsWith(household.figures(2024), figure)).as("%s of 2024", figure).isEmpty();
            assertThat(unitsWith(household.figures(2026), figure)).as("%s of 2026, after a gap", figure).isEmpty();
        }
        assertThat(unitsWith(household.figures(2025), START_HOUSEHOLDS)).containsExactlyInAnyOrder("15271-TK1", "15271", "38", "VN");
    }

    @Test
    void onlyAnEthnicMinorityHouseholdPoorLastYearCountsAsEthnicMinorityPoorAtTheStart() {
        Map<String, Tally> emPoor = aHousehold().ethnicMinorityPoorIn(2025, "15271-TK1").notPoorIn(2026, "15271-TK1").figures(2026);
        Map<String, Tally> emNearPoor = aHousehold().in(2025, Classification.NEAR_POOR, "15271-TK1", true)
                .poorIn(2026, "15271-TK1").figures(2026);
        Map<String, Tally> emNotPoor = aHousehold().in(2025, Classification.NOT_POOR, "15271-TK1", true).figures(2026);
        Map<String, Tally> poorNotEm = aHousehold().poorIn(2025, "15271-TK1").figures(2026);

        assertThat(get(emPoor, "VN", START_ETHNIC_MINORITY_POOR)).isEqualTo(1);
        assertThat(get(emNearPoor, "VN", START_ETHNIC_MINORITY_POOR)).isZero();
        assertThat(get(emNotPoor, "VN", START_ETHNIC_MINORITY_POOR)).isZero();
        assertThat(get(poorNotEm, "VN", START_ETHNIC_MINORITY_POOR)).isZero();
        for (Map<String, Tally> figures : List.of(emPoor, emNearPoor, emNotPoor, poorNotEm)) {
            assertThat(get(figures, "VN", START_HOUSEHOLDS)).isEqualTo(1);
        }
    }

    @Test
    void theStartFiguresAreNotMovementFigures() {
        Map<String, Tally> figures = aHousehold().ethnicMinorityPoorIn(2025, "15271-TK1").figures(2026);

        for (Figure figure : START_FIGURES) {
            assertThat(figure.movement()).as("%s", figure).isEmpty();
        }
        assertThat(START_HOUSEHOLDS.column()).isEqualTo("start_households");
        assertThat(START_ETHNIC_MINORITY_POOR.column()).isEqualTo("start_ethnic_minority_poor");
        assertThat(Figure.values()).as("appended at the end: stored positions never move")
                .endsWith(START_HOUSEHOLDS, START_ETHNIC_MINORITY_POOR);
        assertThat(HouseholdYearFigures.movementOf(Tally.one(START_HOUSEHOLDS, START_ETHNIC_MINORITY_POOR)).isZero())
                .as("outside the movement and its balances").isTrue();
        assertThat(HouseholdYearFigures.movementOf(figures.get("VN")))
                .as("the movement of a household with start figures is its movement alone")
                .isEqualTo(Movements.of(aHousehold().ethnicMinorityPoorIn(2025, "15271-TK1").history, 2026, SUCCESSION).get("VN"));
    }

    @Test
    void theStartPathIsEmptyWithoutALastYearAndUnmodifiable() {
        HouseholdHistory history = aHousehold().poorIn(2024, "15271-TK1").history;

        assertThat(Movements.startPath(history, 2024, SUCCESSION)).isEmpty();
        List<String> path = Movements.startPath(history, 2025, SUCCESSION);
        assertThat(path).containsExactly("15271-TK1", "15271", "38", "VN");
        assertThatThrownBy(() -> path.add("X")).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * The change a history change makes, per unit, as the pipeline counts it from the three tallies
     * of each contribution ({@link HouseholdYearContribution#forEachChange}), is exactly what the
     * new history adds to each unit less what the old one added, as {@link HouseholdYearFigures#of}
     * says it: for random households across the reform, each changed by a new review (in the same
     * village, another village or another commune) of a random year.
     */
    @Test
    void aChangeCountedFromThePathTalliesIsThePerUnitDifference() {
        Random random = new Random(20261202L);
        List<String> oldVillages = List.of("15271-TK1", "15271-TK2", "15304-THON1", "17932-XOM1");
        List<String> newVillages = List.of("15271-TK1", "15271-TK2", "15271-THON1", "17935-XOM1");
        int changesSeen = 0;
        for (int h = 0; h < 3_000; h++) {
            Household household = aHousehold();
            for (int year = 2022; year <= 2027; year++) {
                if (random.nextInt(4) != 0) {
                    List<String> villages = year < AdminMaps.FIRST_TWO_LEVEL_YEAR ? oldVillages : newVillages;
                    household.in(year, Classification.values()[random.nextInt(3)], villages.get(random.nextInt(villages.size())),
                            random.nextInt(3) == 0);
                }
            }
            HouseholdHistory before = household.history;
            int changedYear = 2022 + random.nextInt(6);
            List<String> villages = changedYear < AdminMaps.FIRST_TWO_LEVEL_YEAR ? oldVillages : newVillages;
            household.in(changedYear, Classification.values()[random.nextInt(3)], villages.get(random.nextInt(villages.size())),
                    random.nextInt(3) == 0);
            HouseholdHistory after = household.history;
            for (int year = changedYear; year <= 2028; year++) {
                Map<String, Tally> expected = new HashMap<>();
                Map<String, Tally> removed = HouseholdYearFigures.of(before, year, SUCCESSION);
                Map<String, Tally> added = HouseholdYearFigures.of(after, year, SUCCESSION);
                Set<String> units = new TreeSet<>(removed.keySet());
                units.addAll(added.keySet());
                for (String unit : units) {
                    Tally change = added.getOrDefault(unit, Tally.ZERO).minus(removed.getOrDefault(unit, Tally.ZERO));
                    if (!change.isZero()) {
                        expected.put(unit, change);
                    }
                }
                Map<String, Tally> counted = new HashMap<>();
                HouseholdYearContribution.forEachChange(HouseholdYearFigures.contribution(before, year, SUCCESSION),
                        HouseholdYearFigures.contribution(after, year, SUCCESSION), (unit, change) -> {
                            assertThat(counted.put(unit, change)).as("unit %s handed once", unit).isNull();
                        });
                assertThat(counted).as("household %d, change of %d, year %d", h, changedYear, year).isEqualTo(expected);
                changesSeen += expected.size();
            }
        }
        assertThat(changesSeen).isGreaterThan(10_000);
    }

    /**
     * Random households over 2022–2027 across the reform, moving, missing reviews: at the nation
     * the start of every year is the previous year's final figure, each household starts the year
     * in exactly one commune, and every start figure is counted on exactly the household's start path.
     */
    @Test
    void theNationStartsEveryYearWithThePreviousYearsFinalFigures() {
        Random random = new Random(20260707L);
        List<String> oldCommunes = new ArrayList<>();
        Set<String> newCommunes = new LinkedHashSet<>();
        AdminMap before = MAPS.forReviewYear(2024);
        for (AdminUnit commune : before.units(UnitLevel.COMMUNE)) {
            if (Set.of("392", "381", "431").contains(commune.parentCode())) {
                oldCommunes.add(commune.code());
                newCommunes.addAll(SUCCESSION.successors(commune.code()));
            }
        }
        newCommunes.add("17935");
        List<String> newCommuneList = new ArrayList<>(newCommunes);
        String[] villages = {"TK1", "THON2", "XOM3"};

        Map<Integer, List<Map<String, Tally>>> byYear = new HashMap<>();
        for (int h = 0; h < 2_000; h++) {
            Household household = aHousehold();
            for (int year = 2022; year <= 2027; year++) {
                if (random.nextInt(5) == 0) {
                    continue; // not reviewed this year
                }
                List<String> communes = year < AdminMaps.FIRST_TWO_LEVEL_YEAR ? oldCommunes : newCommuneList;
                String village = communes.get(random.nextInt(communes.size())) + "-" + villages[random.nextInt(villages.length)];
                household.in(year, Classification.values()[random.nextInt(3)], village, random.nextInt(3) == 0);
            }
            for (int year = 2022; year <= 2028; year++) {
                Map<String, Tally> figures = household.figures(year);
                byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(figures);
                Set<String> startPath = new TreeSet<>(Movements.startPath(household.history, year, SUCCESSION));
                assertThat(unitsWith(figures, START_HOUSEHOLDS)).as("start path of household %d in %d", h, year)
                        .isEqualTo(startPath);
                if (household.history.in(year - 1).map(s -> s.classification() == Classification.POOR).orElse(false)) {
                    assertThat(unitsWith(figures, START_POOR)).as("START_POOR on the same path").isEqualTo(startPath);
                }
            }
        }

        Map<Integer, Map<String, Tally>> sums = new HashMap<>();
        byYear.forEach((year, contributions) -> sums.put(year, sum(contributions)));
        for (int year = 2023; year <= 2028; year++) {
            Map<String, Tally> previous = sums.get(year - 1);
            Map<String, Tally> current = sums.get(year);
            assertThat(get(previous, "VN", HOUSEHOLDS)).as("households of %d", year - 1).isGreaterThan(1_000);
            assertThat(get(current, "VN", START_HOUSEHOLDS)).as("START_HOUSEHOLDS of %d", year).isEqualTo(get(previous, "VN", HOUSEHOLDS));
            assertThat(get(current, "VN", START_POOR)).as("START_POOR of %d", year).isEqualTo(get(previous, "VN", POOR));
            assertThat(get(current, "VN", START_ETHNIC_MINORITY_POOR)).as("START_ETHNIC_MINORITY_POOR of %d", year)
                    .isEqualTo(get(previous, "VN", ETHNIC_MINORITY_POOR)).isPositive();

            AdminMap map = MAPS.forReviewYear(year);
            long inCommunes = 0;
            for (var entry : current.entrySet()) {
                if (map.unit(UnitLevel.COMMUNE, entry.getKey()).isPresent()) {
                    inCommunes += entry.getValue().get(START_HOUSEHOLDS);
                }
            }
            assertThat(inCommunes).as("each household of %d starts %d in one commune", year - 1, year)
                    .isEqualTo(get(current, "VN", START_HOUSEHOLDS));
        }
    }
}
