package vn.povertyreview.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one run and how they print: a table of phases, the busiest threads of each,
 * sizes on disk and in memory, how far from the design target, and the correctness line.
 * Filled in by the benchmark as it goes; not thread-safe.
 */
final class BenchmarkReport {

    /** The design target: a national season of ~27 million household reviews through one machine in ten minutes. */
    static final double TARGET_REVIEWS_PER_SECOND = 45_000;
    static final long SEASON_HOUSEHOLDS = 27_000_000;
    private static final int BUSIEST_THREADS = 5;
    private static final String ROW = "%-38s %11s %-11s %8s %11s %6s %6s %9s %9s%n";

    private final BenchmarkOptions options;
    private final String workload;
    private final List<PhaseResult> phases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Correctness correctness;

    BenchmarkReport(BenchmarkOptions options, String workload) {
        this.options = options;
        this.workload = workload;
    }

    void add(PhaseResult phase) {
        phases.add(phase);
    }

    void note(String format, Object... args) {
        notes.add(String.format(format, args));
    }

    void correctness(Correctness check) {
        this.correctness = check;
    }

    Correctness correctness() {
        return correctness;
    }

    List<PhaseResult> phases() {
        return List.copyOf(phases);
    }

    /** The phase whose name starts with {@code prefix}. */
    PhaseResult phase(String prefix) {
        return find(prefix).orElseThrow(() -> new IllegalStateException("no phase " + prefix + " in this run"));
    }

    private Optional<PhaseResult> find(String prefix) {
        return phases.stream().filter(phase -> phase.name().startsWith(prefix)).findFirst();
    }

    /**
     * Each phase as a share of the ceiling measured on the same input: producing is the raw
     * producer; Streams (per record) against the minimal exactly-once count topology and the raw
     * consumer, which read the same records; the sink against COPY; end to end (per record) against
     * the lowest of them. The goals are in reviews (household-years), which the records' re-reviews,
     * moves and withdrawals outnumber a little.
     */
    private void printRatios(PrintStream out) {
        Optional<PhaseResult> produce = find("1 ");
        Optional<PhaseResult> streams = find("2 ");
        Optional<PhaseResult> sink = find("3 ");
        Optional<PhaseResult> consumer = find("ceiling: raw consumer");
        Optional<PhaseResult> count = find("ceiling: minimal");
        Optional<PhaseResult> copy = find("ceiling: PostgreSQL COPY");
        if (produce.isEmpty() || streams.isEmpty() || sink.isEmpty() || consumer.isEmpty() || count.isEmpty() || copy.isEmpty()) {
            return;
        }
        double recordsPerReview = produce.get().items() / (double) streams.get().items();
        double streamsRecords = streams.get().perSecond() * recordsPerReview;
        out.println("Against the ceilings of this run, on the same input:");
        out.printf("  producing        %,11.0f records/s  = the raw producer (idempotent, acks=all)%n", produce.get().perSecond());
        out.printf("  Streams          %,11.0f reviews/s, %,.0f records/s = %5.1f%% of the minimal EOS count topology (%,.0f/s), %5.1f%% of the raw consumer (%,.0f/s)%n",
                streams.get().perSecond(), streamsRecords, 100 * streamsRecords / count.get().perSecond(), count.get().perSecond(),
                100 * streamsRecords / consumer.get().perSecond(), consumer.get().perSecond());
        out.printf("  sink             %,11.0f rows/s     = %5.1f%% of PostgreSQL COPY of the same rows (%,.0f/s)%n",
                sink.get().perSecond(), 100 * sink.get().perSecond() / copy.get().perSecond(), copy.get().perSecond());
        endToEnd().ifPresent(flow -> {
            double records = flow.perSecond() * recordsPerReview;
            double lowest = Math.min(Math.min(produce.get().perSecond(), consumer.get().perSecond()), count.get().perSecond());
            out.printf("  end to end       %,11.0f reviews/s, %,.0f records/s = %5.1f%% of the lowest ceiling (%,.0f/s)%n",
                    flow.perSecond(), records, 100 * records / lowest, lowest);
        });
        out.println();
    }

    void print(PrintStream out) {
        out.println();
        out.println("== Pipeline load benchmark ==");
        out.println(workload);
        out.printf("%d partitions, %d Streams instance(s) of %d threads (exactly_once_v2), publish every %d ms while live, budget %,d ms, %d sink writer(s),%s"
                        + " PostgreSQL %s, warm-up %,d households; %d cores, max heap %,d MiB%n",
                options.partitions(), options.instances(), options.threads(), options.flushMs(), options.budgetMs(), options.sinkWriters(),
                options.commitMs() > 0 ? " commit every " + options.commitMs() + " ms (experiment)," : "",
                options.durable() ? "durable (fsync on)" : "not durable (fsync off)", options.warmup(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.println();
        out.printf(ROW, "phase", "items", "", "seconds", "per second", "JVM", "mach.", "heap peak", "after GC");
        out.printf(ROW, "", "", "", "", "", "cores", "busy", "MiB", "MiB");
        for (PhaseResult phase : phases) {
            ResourceWatch.Usage usage = phase.usage();
            out.printf(ROW, phase.name(), String.format("%,d", phase.items()), phase.unit(),
                    String.format("%.2f", phase.seconds()), String.format("%,.0f/s", phase.perSecond()),
                    Double.isNaN(phase.jvmCores()) ? "" : String.format("%.2f", phase.jvmCores()),
                    usage == null || Double.isNaN(usage.machineBusy()) ? "" : String.format("%.0f%%", usage.machineBusy() * 100),
                    usage == null ? "" : String.format("%,d", usage.heapPeakBytes() >> 20),
                    usage == null || usage.heapAfterGcPeakBytes() == 0 ? "" : String.format("%,d", usage.heapAfterGcPeakBytes() >> 20));
        }
        out.println();
        out.println("Busiest JVM threads per phase (cores; PostgreSQL and RocksDB's own threads are not JVM threads):");
        for (PhaseResult phase : phases) {
            if (!phase.threadCpu().isEmpty()) {
                out.println("  " + phase.name() + ": " + busiest(phase));
            }
        }
        out.println();
        printRatios(out);
        notes.forEach(out::println);
        endToEnd().ifPresent(best -> out.printf(
                "Design target %,.0f reviews/s (a season of %,d households in 10 min): %s reaches %,.0f/s = %.0f%%; the season would take %.0f min%n",
                TARGET_REVIEWS_PER_SECOND, SEASON_HOUSEHOLDS, best.name().replaceFirst("^\\d+ ", ""), best.perSecond(),
                100 * best.perSecond() / TARGET_REVIEWS_PER_SECOND, SEASON_HOUSEHOLDS / best.perSecond() / 60));
        if (correctness != null) {
            out.println(correctness.line());
        }
    }

    /** The last end-to-end phase: all at once if it ran, else the phases in turn. */
    private Optional<PhaseResult> endToEnd() {
        PhaseResult found = null;
        for (PhaseResult phase : phases) {
            if ("reviews".equals(phase.unit()) && phase.name().contains("end to end")) {
                found = phase;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String busiest(PhaseResult phase) {
        double window = phase.cpuWindowNanos() / 1e9;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> kind : phase.threadCpu().entrySet()) {
            if (parts.size() == BUSIEST_THREADS) {
                break;
            }
            parts.add(String.format("%s %.2f", kind.getKey(), kind.getValue() / window));
        }
        double inJavaThreads = phase.threadCpu().values().stream().mapToDouble(Double::doubleValue).sum();
        parts.add(String.format("outside Java threads (GC, JIT, RocksDB) %.2f", Math.max(0, phase.jvmCpuSeconds() - inJavaThreads) / window));
        return String.join(", ", parts);
    }
}
