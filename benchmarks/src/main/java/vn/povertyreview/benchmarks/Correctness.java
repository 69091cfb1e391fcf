package vn.povertyreview.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The run's correctness verdict, read from what analysts read: the final year's NATION row of
 * {@code unit_rollup} must count exactly the distinct households generated and counted in it (with
 * their poor and near-poor), its PROVINCE rows must add up to it, and every unit row of every year
 * (villages, communes, districts, provinces, the nation) must equal an independent recount of the
 * generated households ({@link UnitRecount}).
 * Immutable.
 *
 * @param unitsRecounted units the recount has
 * @param unitRows       rows of the years in {@code unit_rollup}
 * @param differences    every unit whose row differs from the recount
 */
record Correctness(NationFigures expected, NationFigures nation, long provinces, long provinceHouseholds, long rejected,
        int unitsRecounted, int unitRows, List<String> differences) {

    /** How many differences the verdict names. */
    private static final int SHOWN = 5;

    Correctness {
        differences = List.copyOf(differences);
    }

    /**
     * The verdict on the rows of review years {@code firstYear} to {@code finalYear}; the NATION
     * and PROVINCE totals are the final year's.
     */
    static Correctness read(Jdbi jdbi, int firstYear, int finalYear, NationFigures expected, UnitRecount recount, long rejected) {
        return jdbi.withExtension(RollupTotalsDao.class, dao -> {
            NationFigures nation = dao.nation(finalYear)
                    .map(row -> new NationFigures(row.households(), row.poor(), row.nearPoor()))
                    .orElse(NationFigures.NONE);
            RollupTotalsDao.ProvinceSum provinces = dao.provinces(finalYear);
            Map<String, NationFigures> rows = new HashMap<>();
            for (int year = firstYear; year <= finalYear; year++) {
                for (RollupTotalsDao.UnitRow row : dao.units(year)) {
                    rows.put(year + "/" + row.unitCode(), new NationFigures(row.households(), row.poor(), row.nearPoor()));
                }
            }
            return new Correctness(expected, nation, provinces.provinces(), provinces.households(), rejected,
                    recount.units(), rows.size(), recount.differences(rows));
        });
    }

    boolean ok() {
        return nation.equals(expected) && provinceHouseholds == nation.households() && rejected == 0 && differences.isEmpty();
    }

    String line() {
        String units = differences.isEmpty()
                ? String.format("all %,d unit rows equal the recount of the generated households (%,d units recounted)", unitRows,
                        unitsRecounted)
                : String.format("%,d of %,d unit rows differ from the recount, e.g. %s", differences.size(), unitRows,
                        String.join("; ", differences.subList(0, Math.min(SHOWN, differences.size()))));
        return String.format("Correctness: %s — NATION total %,d %s %,d distinct households generated and counted in the final year"
                        + " (poor %,d/%,d, near-poor %,d/%,d); %d PROVINCE totals sum to %,d %s NATION total; %s; %,d reviews rejected",
                ok() ? "OK" : "FAILED",
                nation.households(), nation.households() == expected.households() ? "=" : "≠", expected.households(),
                nation.poor(), expected.poor(), nation.nearPoor(), expected.nearPoor(),
                provinces, provinceHouseholds, provinceHouseholds == nation.households() ? "=" : "≠", units, rejected);
    }
}
