package vn.povertyreview.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.povertyreview.domain.admin.AdminUnit;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.review.HouseholdPlace;

/**
 * An independent recount of every unit of every review year from the generated households: for
 * each household and year its latest review counts once in its village, commune, district (to
 * 2024), province and the nation of that year. Units are named {@code <reviewYear>/<unitCode>}, as
 * rollups are keyed. Not thread-safe; built while a workload is generated, read at the end of the run.
 */
final class UnitRecount {

    /** Households, poor and near-poor per year and unit code. */
    private final Map<String, long[]> counts = new HashMap<>();
    /** The {@code <reviewYear>/<unitCode>} of every village counted: every household-year is counted in exactly one. */
    private final Set<String> villages = new HashSet<>();

    /** Counts a household's latest review of its year in every unit of its place. */
    void add(Review latest) {
        NationFigures household = NationFigures.of(latest.classification());
        String year = latest.reviewYear() + "/";
        add(year + AdminUnit.NATION_CODE, household);
        add(year + latest.provinceCode(), household);
        if (latest.districtCode() != null) {
            add(year + latest.districtCode(), household);
        }
        add(year + latest.communeCode(), household);
        String village = year + HouseholdPlace.villageUnitCode(latest.communeCode(), latest.villageCode());
        add(village, household);
        villages.add(village);
    }

    /**
     * Household-years missing from the village rows and counted in them more than once: each
     * village row is compared with the recount, which counts every household-year in one village.
     * Summed over villages, a household counted in a wrong village shows once as lost and once as
     * twice.
     *
     * @param villageRows the village rows of every year, by {@code <reviewYear>/<unitCode>}
     */
    HouseholdBalance balance(Map<String, NationFigures> villageRows) {
        long lost = 0;
        long twice = 0;
        Set<String> all = new HashSet<>(villages);
        all.addAll(villageRows.keySet());
        for (String village : all) {
            long expected = villages.contains(village) ? counts.get(village)[0] : 0;
            long shown = villageRows.getOrDefault(village, NationFigures.NONE).households();
            lost += Math.max(0, expected - shown);
            twice += Math.max(0, shown - expected);
        }
        return new HouseholdBalance(lost, twice);
    }

    /** Household-years the rows lack, and household-years they count more than once. */
    record HouseholdBalance(long lost, long twice) {
    }

    /** The recount of this and another workload's disjoint households together. */
    UnitRecount plus(UnitRecount other) {
        UnitRecount sum = new UnitRecount();
        counts.forEach((unit, c) -> sum.add(unit, new NationFigures(c[0], c[1], c[2])));
        other.counts.forEach((unit, c) -> sum.add(unit, new NationFigures(c[0], c[1], c[2])));
        sum.villages.addAll(villages);
        sum.villages.addAll(other.villages);
        return sum;
    }

    int units() {
        return counts.size();
    }

    /**
     * Every difference between the recount and the rows, by {@code <reviewYear>/<unitCode>}: a unit the recount has that
     * the rows lack or show otherwise, and a row with households the recount does not have.
     */
    List<String> differences(Map<String, NationFigures> rows) {
        List<String> differences = new ArrayList<>();
        Map<String, NationFigures> expected = new TreeMap<>();
        counts.forEach((unit, c) -> expected.put(unit, new NationFigures(c[0], c[1], c[2])));
        expected.forEach((unit, figures) -> {
            NationFigures shown = rows.getOrDefault(unit, NationFigures.NONE);
            if (!shown.equals(figures)) {
                differences.add(unit + ": recount " + figures + ", row " + shown);
            }
        });
        new TreeMap<>(rows).forEach((unit, shown) -> {
            if (!expected.containsKey(unit) && !shown.equals(NationFigures.NONE)) {
                differences.add(unit + ": recount none, row " + shown);
            }
        });
        return differences;
    }

    private void add(String unit, NationFigures household) {
        long[] c = counts.computeIfAbsent(unit, u -> new long[3]);
        c[0] += household.households();
        c[1] += household.poor();
        c[2] += household.nearPoor();
    }
}
