package vn.povertyreview.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        add(year + HouseholdPlace.villageUnitCode(latest.communeCode(), latest.villageCode()), household);
    }

    /** The recount of this and another workload's disjoint households together. */
    UnitRecount plus(UnitRecount other) {
        UnitRecount sum = new UnitRecount();
        counts.forEach((unit, c) -> sum.add(unit, new NationFigures(c[0], c[1], c[2])));
        other.counts.forEach((unit, c) -> sum.add(unit, new NationFigures(c[0], c[1], c[2])));
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
