package vn.povertyreview.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.domain.review.HouseholdPlace;

/**
 * An independent recount of every unit of the review year from the generated households: for each
 * household its latest review counts once in its village, commune, district (to 2024), province and
 * the nation. Not thread-safe; built while a workload is generated, read at the end of the run.
 */
final class UnitRecount {

    /** Households, poor and near-poor per unit code. */
    private final Map<String, long[]> counts = new HashMap<>();

    /** Counts a household's latest review in every unit of its place. */
    void add(Review latest) {
        NationFigures household = NationFigures.of(latest.classification());
        add("VN", household);
        add(latest.provinceCode(), household);
        if (latest.districtCode() != null) {
            add(latest.districtCode(), household);
        }
        add(latest.communeCode(), household);
        add(HouseholdPlace.villageUnitCode(latest.communeCode(), latest.villageCode()), household);
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
     * Every difference between the recount and the rows, by unit code: a unit the recount has that
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
