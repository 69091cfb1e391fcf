package vn.povertyreview.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.schemas.Topics;

/**
 * Measures how fast household reviews flow through the real pipeline on this machine: an embedded
 * Kafka broker, the rollup topology under exactly-once, the rollup sink and an embedded PostgreSQL,
 * all as the launcher runs them. After an untimed warm-up it times, one after the other,
 *
 * <ol>
 *   <li>sending the reviews (Streams paused, the sink stopped),
 *   <li>Streams turning them into committed rollups (the sink still stopped),
 *   <li>the sink writing those rollups into PostgreSQL,
 * </ol>
 *
 * and then, with a second set of households, everything at once, as in a real season. It prints a
 * table and a correctness line read back from PostgreSQL; it asserts nothing about time.
 *
 * <p>Run it by hand: {@code ./mvnw -q -o -pl benchmarks compile exec:java -Dexec.args="--households=1000000"}.
 */
public final class PipelineLoadBenchmark {

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";
    private static final Duration STREAMS_START_TIMEOUT = Duration.ofMinutes(5);
    /** Streams' default producer linger under exactly-once. */
    private static final long STREAMS_LINGER_MS = 100;
    /** How long the ingest path is run before freshness is measured (at most the measured time). */
    private static final int FRESHNESS_WARM_UP_SECONDS = 15;

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final Await await;

    public PipelineLoadBenchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.await = new Await(out);
    }

    public static void main(String[] args) throws Exception {
        // Quieter than the launcher's logging (unless the caller chose a configuration): see the file.
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "logback-benchmark.xml");
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            throw e;
        }
        BenchmarkReport report = new PipelineLoadBenchmark(options, System.out).run();
        report.print(System.out);
        if (!report.correctness().ok()) {
            throw new IllegalStateException(report.correctness().line());
        }
    }

    /** Runs every phase in a fresh temporary directory, which it deletes afterwards. */
    public BenchmarkReport run() throws Exception {
        Path dataDir = Files.createTempDirectory("pipeline-load-");
        try (ResourceWatch watch = new ResourceWatch().start()) {
            return run(dataDir, new PhaseMeter(watch));
        } finally {
            DirectorySize.delete(dataDir);
        }
    }

    private BenchmarkReport run(Path dataDir, PhaseMeter meter) throws Exception {
        AdminMaps maps = AdminMaps.official();
        Topics topics = Topics.withDefaultNames();
        Path workloadDir = Files.createDirectories(dataDir.resolve("workloads"));
        Workloads workloads = Workloads.generate(options, maps, topics, workloadDir, out);
        BenchmarkReport report = new BenchmarkReport(options, workloads.describe());
        NationFigures expected = NationFigures.NONE;
        UnitRecount units = workloads.units();
        long reviews = workloads.reviews();
        Correctness correctness;
        try (PipelineRig rig = PipelineRig.start(options, dataDir, topics, maps)) {
            out.println("Kafka and PostgreSQL started; starting the rollup application");
            rig.startStreams(STREAMS_START_TIMEOUT);
            try (ReviewProducer producer = new ReviewProducer(rig.bootstrapServers(), topics.householdReviews().name())) {
                if (workloads.warmup() != null) {
                    expected = warmUp(rig, producer, workloads.warmup(), expected);
                }
                expected = phasesInTurn(rig, producer, meter, workloads.load(), expected, report);
                ceilings(rig, meter, dataDir, report);
                if (workloads.concurrent() != null) {
                    expected = allAtOnce(rig, producer, meter, workloads.concurrent(), expected, report);
                }
                if (options.freshnessSeconds() > 0) {
                    FreshnessProbe.Outcome outcome = freshness(rig, meter, maps, expected, report);
                    expected = expected.plus(outcome.expected());
                    units = units.plus(outcome.units());
                    reviews += outcome.expected().households();
                }
            }
            rig.stopStreams();
            report.note("Streams state directory %,.1f MiB; Kafka log segments %,.1f MiB; the run's records, read from files as sent, %,.1f MiB",
                    DirectorySize.of(rig.streamsStateDir(), "") / 1048576.0,
                    DirectorySize.of(rig.kafkaDir(), ".log") / 1048576.0, workloads.bytes() / 1048576.0);
            StringBuilder perTopic = new StringBuilder();
            long productBytes = 0;
            for (Map.Entry<String, Long> topic : DirectorySize.ofTopics(rig.kafkaDir()).entrySet()) {
                if (topic.getKey().startsWith(Ceilings.COUNT_APPLICATION_ID)) {
                    continue; // the ceiling's own topics are not the product's
                }
                productBytes += topic.getValue();
                if (topic.getValue() > 0) {
                    perTopic.append(String.format("%n  %-60s %,10.1f MiB %,8.0f bytes per review", topic.getKey(),
                            topic.getValue() / 1048576.0, topic.getValue() / (double) reviews));
                }
            }
            report.note("Kafka log of the product's topics: %,.1f MiB for %,d reviews, %,.0f bytes per review, that is per household"
                    + " and season (repartition topics as Streams has purged them so far):%s", productBytes / 1048576.0, reviews,
                    productBytes / (double) reviews, perTopic);
            correctness = Correctness.read(rig.jdbi(), WorkloadBuilder.FIRST_YEAR, WorkloadBuilder.FINAL_YEAR, expected, units,
                    rig.rejectedReviews());
        }
        report.correctness(correctness);
        return report;
    }

    private NationFigures warmUp(PipelineRig rig, ReviewProducer producer, Workload warmup, NationFigures expected) {
        long started = System.nanoTime();
        NationFigures after = expected.plus(warmup.expected());
        try (RunningSink sink = rig.startSink()) {
            producer.send(warmup);
            awaitStreams(rig, after);
            awaitSink(rig, sink);
        }
        out.printf("Warm-up: %,d households (%,d reviews) through producer, Streams and sink in %.1f s (not counted)%n",
                warmup.households(), warmup.reviews(), (System.nanoTime() - started) / 1e9);
        return after;
    }

    /** Phases 1 to 3 on the load workload, each alone, then their sum as the staged end-to-end figure. */
    private NationFigures phasesInTurn(PipelineRig rig, ReviewProducer producer, PhaseMeter meter, Workload load,
            NationFigures expected, BenchmarkReport report) {
        NationFigures after = expected.plus(load.expected());
        rig.pauseStreams(true);

        out.printf("Phase 1: sending %,d records%n", load.records());
        PhaseMeter.Running sending = meter.begin();
        long sent = producer.send(load);
        PhaseResult produce = sending.end("1 produce (idempotent, acks=all, lz4)", "records", sent, System.nanoTime());
        report.add(produce);

        out.printf("Phase 2: Streams rolling up %,d reviews of %,d households%n", load.reviews(), load.households());
        PhaseMeter.Running rolling = meter.begin();
        StreamsCommits commitsBefore = rig.commits();
        rig.pauseStreams(false);
        StreamsCatchUp streamsCatchUp = new StreamsCatchUp(rig, after);
        long rolledUp = awaitStreams(streamsCatchUp, after);
        PhaseResult streams = rolling.end("2 streams (exactly_once_v2)", "reviews", load.reviews(), rolledUp);
        report.add(streams);
        report.note("Streams: %,.0f records/s on average, %,.0f records/s over its fastest 10 s (a JVM still compiling is slower at first)",
                load.records() / streams.seconds(), streamsCatchUp.fastestRecordsPerSecond());
        report.note("%s", rig.commits().since(commitsBefore).describe(options.threads() * options.instances(), streams.seconds()));

        out.println("Phase 3: the sink writing the rollups into PostgreSQL");
        PhaseMeter.Running writing = meter.begin();
        PhaseResult sinkPhase;
        try (RunningSink sink = rig.startSink()) {
            SinkCatchUp sinkCatchUp = new SinkCatchUp(rig, sink);
            long written = awaitSink(sinkCatchUp);
            long rows = sink.progress().recordsWritten();
            sinkPhase = writing.end("3 sink into PostgreSQL", "rows", rows, written);
            report.note("Streams published %,d rollups for %,d reviews (%,d records) of %,d households (%.2f per review)",
                    rows, load.reviews(), load.records(), load.households(), rows / (double) load.reviews());
            report.note("Caught up, sink_offset sits %,d offsets short of unit-rollups' log end (transaction markers only)",
                    sinkCatchUp.offsetsShortOfLogEnd());
        }
        report.add(sinkPhase);
        report.add(PhaseResult.inTurn("4 end to end, phases in turn", "reviews", load.reviews(),
                produce, streams, sinkPhase));
        return after;
    }

    /**
     * The ceilings on the same input, with the pipeline idle: a raw consumer of the reviews, a
     * minimal exactly-once count topology over them, and COPY of as many rollup rows as the sink
     * wrote. The raw producer is phase 1 itself.
     */
    private void ceilings(PipelineRig rig, PhaseMeter meter, Path dataDir, BenchmarkReport report) throws Exception {
        Ceilings ceilings = new Ceilings(rig, meter);
        out.println("Ceilings: a raw consumer, a minimal exactly-once count topology, PostgreSQL COPY");
        report.add(ceilings.rawConsumer());
        rig.createTopic(Ceilings.COUNT_OUTPUT);
        report.add(ceilings.minimalStreams(options.threads(), dataDir.resolve("ceiling-streams")));
        report.add(ceilings.copy(report.phase("3 ").items()));
    }

    /**
     * Freshness: new households offered through the ingest API at a steady rate, with Streams and
     * the sink running; the time from each request's 202 to its households being counted in PostgreSQL.
     */
    private FreshnessProbe.Outcome freshness(PipelineRig rig, PhaseMeter meter, AdminMaps maps, NationFigures expected,
            BenchmarkReport report)
            throws Exception {
        try (RunningSink sink = rig.startSink()) {
            awaitSink(rig, sink);
            // The ingest path runs here for the first time in the run: its first seconds are spent
            // compiling it, which a running installation has long done. So a warm-up comes first,
            // through the same path at the same rate, counted in the totals but not in the figures.
            FreshnessProbe probe = new FreshnessProbe(rig, maps);
            int warmUpSeconds = Math.min(FRESHNESS_WARM_UP_SECONDS, options.freshnessSeconds());
            out.printf("Freshness warm-up: %,d reviews/s through ingest for %d s (not measured)%n", options.freshnessRate(), warmUpSeconds);
            FreshnessProbe.Outcome warmUp = probe.measure(options.freshnessRate(), warmUpSeconds, expected.households(),
                    options.seed() + 1, "FRESH-WARM-");
            NationFigures warmedUp = expected.plus(warmUp.expected());
            awaitStreams(rig, warmedUp);
            awaitSink(rig, sink);
            out.printf("Freshness: %,d reviews/s through ingest for %d s%n", options.freshnessRate(), options.freshnessSeconds());
            PhaseMeter.Running offering = meter.begin();
            FreshnessProbe.Outcome outcome = probe.measure(options.freshnessRate(), options.freshnessSeconds(),
                    warmedUp.households(), options.seed(), "FRESH-").after(warmUp);
            report.add(offering.end("6 freshness: steady load through ingest", "reviews", outcome.freshness().reviews(), System.nanoTime()));
            report.note("%s", outcome.freshness().line());
            awaitStreams(rig, expected.plus(outcome.expected()));
            awaitSink(rig, sink);
            return outcome;
        }
    }

    /** Phase 5: a second workload with the producer, Streams and the sink all running. */
    private NationFigures allAtOnce(PipelineRig rig, ReviewProducer producer, PhaseMeter meter, Workload workload,
            NationFigures expected, BenchmarkReport report) {
        NationFigures after = expected.plus(workload.expected());
        try (RunningSink sink = rig.startSink()) {
            // The sink first catches up with nothing new, so that its start is not timed.
            awaitSink(rig, sink);
            out.printf("Phase 5: %,d reviews of %,d households with everything running at once%n", workload.reviews(), workload.households());
            PhaseMeter.Running flowing = meter.begin();
            producer.send(workload);
            long sentAt = System.nanoTime();
            long rolledUp = awaitStreams(rig, after);
            long written = awaitSink(rig, sink);
            report.add(flowing.end("5 end to end, all at once", "reviews", workload.reviews(), written));
            report.note("All at once: sent after %.1f s, rolled up after %.1f s, in PostgreSQL after %.1f s",
                    (sentAt - flowing.startNanos()) / 1e9, (rolledUp - flowing.startNanos()) / 1e9, (written - flowing.startNanos()) / 1e9);
        }
        return after;
    }

    private long awaitStreams(PipelineRig rig, NationFigures expected) {
        return awaitStreams(new StreamsCatchUp(rig, expected), expected);
    }

    private long awaitStreams(StreamsCatchUp catchUp, NationFigures expected) {
        return await.until("Streams", catchUp::check, timeoutFor(expected.households()), settled());
    }

    /**
     * How long "Streams has caught up" must keep holding: longer than a task that has worked off its
     * input takes to commit (two publish intervals) and its changes take from the producer's buffer
     * into the next stage's committed transaction, twice over.
     */
    private Duration settled() {
        return Duration.ofMillis(Math.max(2000, 2 * (4 * options.flushMs() + 2 * STREAMS_LINGER_MS)));
    }

    private long awaitSink(PipelineRig rig, RunningSink sink) {
        return awaitSink(new SinkCatchUp(rig, sink));
    }

    private long awaitSink(SinkCatchUp catchUp) {
        return await.until("sink", catchUp::check, timeoutFor(options.warmup() + options.households() + options.concurrent()),
                Duration.ZERO);
    }

    /** Generous: five minutes plus a millisecond per household, far beyond any rate worth measuring. */
    private static Duration timeoutFor(long households) {
        return Duration.ofMinutes(5).plusMillis(households);
    }
}
