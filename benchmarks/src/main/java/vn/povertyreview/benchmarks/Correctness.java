package vn.povertyreview.benchmarks;

import org.jdbi.v3.core.Jdbi;

/**
 * The run's correctness line, read from what analysts read: the NATION row of {@code unit_rollup}
 * must count exactly the distinct households generated (with their poor and near-poor), and the
 * PROVINCE rows must add up to it. Immutable.
 */
record Correctness(NationFigures expected, NationFigures nation, long provinces, long provinceHouseholds, long rejected) {

    static Correctness read(Jdbi jdbi, int reviewYear, NationFigures expected, long rejected) {
        return jdbi.withExtension(RollupTotalsDao.class, dao -> {
            NationFigures nation = dao.nation(reviewYear)
                    .map(row -> new NationFigures(row.households(), row.poor(), row.nearPoor()))
                    .orElse(NationFigures.NONE);
            RollupTotalsDao.ProvinceSum provinces = dao.provinces(reviewYear);
            return new Correctness(expected, nation, provinces.provinces(), provinces.households(), rejected);
        });
    }

    boolean ok() {
        return nation.equals(expected) && provinceHouseholds == nation.households() && rejected == 0;
    }

    String line() {
        return String.format("Correctness: %s — NATION total %,d %s %,d distinct households generated"
                        + " (poor %,d/%,d, near-poor %,d/%,d); %d PROVINCE totals sum to %,d %s NATION total; %,d reviews rejected",
                ok() ? "OK" : "FAILED",
                nation.households(), nation.households() == expected.households() ? "=" : "≠", expected.households(),
                nation.poor(), expected.poor(), nation.nearPoor(), expected.nearPoor(),
                provinces, provinceHouseholds, provinceHouseholds == nation.households() ? "=" : "≠", rejected);
    }
}
