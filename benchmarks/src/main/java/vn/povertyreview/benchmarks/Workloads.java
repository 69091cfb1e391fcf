package vn.povertyreview.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.schemas.Topics;

/**
 * The three sets of households of a run, generated into files before anything is timed: the
 * warm-up, the load timed phase by phase, and the set timed all at once. Each has its own household
 * ids, so the national count grows by each set's households. Immutable; {@code warmup} and
 * {@code concurrent} are null when the options skip them.
 */
record Workloads(Workload warmup, Workload load, Workload concurrent, int seasons, String villages) {

    /** Generates the run's workloads into files in {@code directory}, which the caller deletes. */
    static Workloads generate(BenchmarkOptions options, AdminMaps maps, Topics topics, Path directory, PrintStream out) {
        long started = System.nanoTime();
        WorkloadBuilder builder = new WorkloadBuilder(maps, topics.householdReviews(), options.seed(), directory, options.seasons() == 2);
        Workload warmup = options.warmup() == 0 ? null : builder.build("warm-up", "WARM-", options.warmup());
        Workload load = builder.build("load", "LOAD-", options.households());
        Workload concurrent = options.concurrent() == 0 ? null : builder.build("all at once", "FLOW-", options.concurrent());
        int[] villages = builder.villageTotals();
        Workloads workloads = new Workloads(warmup, load, concurrent, options.seasons(), String.format(
                "%,d villages in %d's map, %,d in %d's", villages[0], WorkloadBuilder.FIRST_YEAR, villages[1], WorkloadBuilder.FINAL_YEAR));
        out.printf("Generated %s in %.1f s%n", workloads.describe(), (System.nanoTime() - started) / 1e9);
        return workloads;
    }

    String describe() {
        String years = seasons == 2 ? String.format("in %d and %d across the reform", WorkloadBuilder.FIRST_YEAR,
                WorkloadBuilder.FINAL_YEAR) : "in " + WorkloadBuilder.FINAL_YEAR;
        return String.format("%,d households reviewed %s (%,d reviews; %,d records with %,d re-reviews"
                        + " and moves and %,d withdrawals, %.0f bytes each; %s)%s",
                load.households(), years, load.reviews(), load.records(),
                load.updates(), load.withdrawals(), load.bytes() / (double) load.records(), villages,
                concurrent == null ? "" : String.format(", then %,d more households (%,d reviews) all at once",
                        concurrent.households(), concurrent.reviews()));
    }

    /** The recount of every unit once every workload of the run is processed. */
    UnitRecount units() {
        UnitRecount units = load.units();
        if (warmup != null) {
            units = units.plus(warmup.units());
        }
        if (concurrent != null) {
            units = units.plus(concurrent.units());
        }
        return units;
    }

    /** Reviews (household-years) of the whole run. */
    long reviews() {
        return (warmup == null ? 0 : warmup.reviews()) + load.reviews() + (concurrent == null ? 0 : concurrent.reviews());
    }

    /** Serialized bytes of the whole run, on disk until sent. */
    long bytes() {
        return (warmup == null ? 0 : warmup.bytes()) + load.bytes() + (concurrent == null ? 0 : concurrent.bytes());
    }
}
