package vn.povertyreview.benchmarks;

import vn.povertyreview.streams.RollupOptions;

/**
 * What one benchmark run does, from {@code --name=value} arguments. Unknown or malformed
 * arguments fail at once, naming themselves, so that a typo never silently measures the default.
 * Immutable.
 *
 * @param households   distinct households timed through the phases one after another
 * @param seasons      review years each household may be reviewed in: 2 (2024 and 2025, across the reform) or 1 (2025 only)
 * @param partitions   partitions of the product's topics
 * @param threads      stream threads of each Streams instance
 * @param instances    Streams instances with one application id, sharing the partitions (and this machine's cores)
 * @param sinkWriters  writers of the sink: consumers of one group, each with its own connection
 * @param flushMs      how often the topology publishes summed changes while it keeps up with its input
 * @param budgetMs     the freshness budget: how long changes may wait under a backlog (the commit interval)
 * @param durable      whether PostgreSQL syncs every commit to disk
 * @param warmup       households sent through everything first and not timed
 * @param concurrent   further households timed with producer, Streams and sink all running at once; 0 skips it
 * @param commitMs     an experiment: Streams' commit interval instead of the configured one; 0 keeps it
 * @param freshnessRate    reviews per second offered through ingest while freshness is measured
 * @param freshnessSeconds for how long; 0 skips the freshness measurement
 * @param seed         of the generated reviews
 */
public record BenchmarkOptions(int households, int seasons, int partitions, int threads, int instances, int sinkWriters, long flushMs, long budgetMs, boolean durable, int warmup,
        int concurrent, long commitMs, int freshnessRate, int freshnessSeconds, long seed) {

    static final String USAGE = """
            PipelineLoadBenchmark [--households=1000000] [--seasons=2] [--partitions=6] [--threads=2] [--instances=1] [--sink-writers=2] [--flush-ms=200] [--budget-ms=30000]
                                  [--durable=true] [--warmup=100000] [--concurrent=<households>]
                                  [--commit-ms=<as configured>] [--freshness-rate=5000] [--freshness-seconds=20] [--seed=2025]
              --households  distinct households timed phase by phase (produce, streams, sink)
              --seasons     2: households reviewed in 2024 (three-level map) and 2025 (two-level); 1: in 2025 only
              --concurrent  further households timed with everything running at once (default: as many; 0 skips)
              --warmup      households sent through everything first, not timed
              --durable     PostgreSQL fsync and synchronous commit on (true) or off (false)
              --budget-ms   the freshness budget: the Streams commit interval, how long changes wait under a backlog
              --freshness-rate, --freshness-seconds  reviews/s offered through ingest, and for how long, while
                            the time from 202 to PostgreSQL is measured (default 5000 for 20 s; 0 s skips it)
              --commit-ms   experiment only: override the Streams commit interval (default: the budget)""";

    public BenchmarkOptions {
        requireAtLeast("households", households, 1);
        if (seasons != 1 && seasons != 2) {
            throw new IllegalArgumentException("--seasons must be 1 or 2, got " + seasons);
        }
        requireAtLeast("partitions", partitions, 1);
        requireAtLeast("threads", threads, 1);
        requireAtLeast("instances", instances, 1);
        requireAtLeast("sink-writers", sinkWriters, 1);
        requireAtLeast("flush-ms", flushMs, 1);
        requireAtLeast("budget-ms", budgetMs, flushMs);
        requireAtLeast("warmup", warmup, 0);
        requireAtLeast("concurrent", concurrent, 0);
        requireAtLeast("commit-ms", commitMs, 0);
        requireAtLeast("freshness-rate", freshnessRate, 10);
        requireAtLeast("freshness-seconds", freshnessSeconds, 0);
    }

    /** Parses {@code --name=value} arguments over the defaults. */
    public static BenchmarkOptions parse(String... args) {
        Arguments a = Arguments.parse(args, USAGE);
        int households = a.integer("households", 1_000_000);
        BenchmarkOptions options = new BenchmarkOptions(households, a.integer("seasons", 2), a.integer("partitions", 6), a.integer("threads", 2), a.integer("instances", 1), a.integer("sink-writers", 2),
                a.number("flush-ms", 200), a.number("budget-ms", RollupOptions.DEFAULT_FRESHNESS_BUDGET.toMillis()), a.bool("durable", true), a.integer("warmup", 100_000),
                a.integer("concurrent", households), a.number("commit-ms", 0),
                a.integer("freshness-rate", 5_000), a.integer("freshness-seconds", 20),
                a.number("seed", 2025));
        a.requireAllUsed();
        return options;
    }

    private static void requireAtLeast(String name, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException("--" + name + " must be at least " + least + ", got " + value);
        }
    }
}
