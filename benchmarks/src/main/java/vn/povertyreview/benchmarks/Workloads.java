package vn.povertyreview.benchmarks;

import java.io.PrintStream;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.schemas.Topics;

/**
 * The three sets of households of a run, generated before anything is timed: the warm-up, the
 * load timed phase by phase, and the set timed all at once. Each has its own household ids, so
 * the national count grows by each set's households. Immutable; {@code warmup} and
 * {@code concurrent} are null when the options skip them.
 */
record Workloads(Workload warmup, Workload load, Workload concurrent, int provinces) {

    static Workloads generate(BenchmarkOptions options, AdminMaps maps, Topics topics, PrintStream out) {
        long started = System.nanoTime();
        WorkloadBuilder builder = new WorkloadBuilder(maps, topics.householdReviews(), options.seed());
        Workload warmup = options.warmup() == 0 ? null : builder.build("warm-up", "WARM-", options.warmup());
        Workload load = builder.build("load", "LOAD-", options.households());
        Workload concurrent = options.concurrent() == 0 ? null : builder.build("all at once", "FLOW-", options.concurrent());
        Workloads workloads = new Workloads(warmup, load, concurrent, builder.provinces().size());
        out.printf("Generated %s in %.1f s%n", workloads.describe(), (System.nanoTime() - started) / 1e9);
        return workloads;
    }

    String describe() {
        return String.format("%,d households (%,d reviews with %,d re-reviews and moves, %.0f bytes each) over %d provinces"
                        + " of review year %d%s",
                load.households(), load.records().size(), load.updates(), load.bytes() / (double) load.records().size(),
                provinces, WorkloadBuilder.REVIEW_YEAR,
                concurrent == null ? "" : String.format(", then %,d more households all at once", concurrent.households()));
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

    /** Distinct households of the whole run. */
    long households() {
        return (warmup == null ? 0 : warmup.households()) + load.households() + (concurrent == null ? 0 : concurrent.households());
    }

    /** Serialized bytes held in memory for the whole run. */
    long bytes() {
        return (warmup == null ? 0 : warmup.bytes()) + load.bytes() + (concurrent == null ? 0 : concurrent.bytes());
    }
}
