package vn.povertyreview.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.pipeline.demo.ReviewClient;
import vn.povertyreview.schemas.Topics;
import vn.povertyreview.sink.SinkDatabase;

/**
 * The pipeline under faults. Runs it as five processes ({@link SeparateServices}), drives a
 * season's load through the HTTP API ({@link HttpUploader}: re-reviews, moves, withdrawals,
 * duplicates, late arrivals, retries) and meanwhile kills and stops its processes at random
 * ({@link FaultInjector}). When the load is in and every fault is over, it waits for the unit rows
 * to equal an independent recount of the generated households, and prints a table of faults and
 * recoveries, the answers the uploaders got, households lost and counted twice, rows differing, and
 * whether the goal is reached. It exits non-zero when a count is wrong; recovery times it only
 * prints.
 *
 * <pre>{@value #USAGE}</pre>
 */
public final class FaultInjectionSuite {

    static final String USAGE = "FaultInjectionSuite [--households=1000000] [--seasons=2] [--faults=21] [--kinds=all]"
            + " [--outage-seconds=60] [--uploaders=8] [--batch=1000] [--rate=0 (fits the load to the faults)]"
            + " [--partitions=6] [--seed=<random>] [--settle-minutes=15] [--keep-logs=false]";
    private static final Duration ROWS_STABLE_FOR = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final double SLOWEST_RATE = 200;

    /** A run's options, as {@link #USAGE} lists them. Immutable. */
    record Options(int households, int seasons, int faults, List<FaultKind> kinds, Duration outage, int uploaders,
            int batch, double rate, int partitions, long seed, Duration settle, boolean keepLogs) {

        static Options parse(String[] args) {
            Arguments a = Arguments.parse(args, USAGE);
            Options options = new Options(a.integer("households", 1_000_000), a.integer("seasons", 2), a.integer("faults", 21),
                    FaultKind.parse(a.text("kinds", "all")), Duration.ofSeconds(a.number("outage-seconds", 60)),
                    a.integer("uploaders", 8), a.integer("batch", 1000), a.number("rate", 0), a.integer("partitions", 6),
                    a.number("seed", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)),
                    Duration.ofMinutes(a.number("settle-minutes", 15)), a.bool("keep-logs", false));
            a.requireAllUsed();
            if (options.seasons() != 1 && options.seasons() != 2) {
                throw new IllegalArgumentException("--seasons is 1 or 2\n" + USAGE);
            }
            return options;
        }
    }

    private final Options options;
    private final PrintStream out;

    FaultInjectionSuite(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        FaultReport report = new FaultInjectionSuite(Options.parse(args), System.out).run();
        report.print(System.out);
        if (!report.countsHold()) {
            throw new IllegalStateException("a count is wrong or a fault did not recover: see the report above");
        }
    }

    /** Runs the suite in a fresh temporary directory, deleted afterwards unless the run failed or the logs are to be kept. */
    FaultReport run() throws Exception {
        out.printf("Fault injection, seed %d (run again with --seed=%d)%n", options.seed(), options.seed());
        Path directory = Files.createTempDirectory("fault-injection-");
        FaultReport report = run(directory);
        if (report.countsHold() && !options.keepLogs()) {
            DirectorySize.delete(directory);
        } else {
            out.println("Logs kept in " + directory.resolve("logs"));
        }
        return report;
    }

    private FaultReport run(Path directory) throws Exception {
        Random dice = new Random(options.seed());
        Topics topics = Topics.withDefaultNames();
        WorkloadBuilder builder = new WorkloadBuilder(AdminMaps.official(), topics.householdReviews(), options.seed(),
                Files.createDirectories(directory.resolve("workload")), options.seasons() == 2);
        Workload workload = builder.build("fault injection", "FAULT-", options.households());
        List<FaultKind> plan = FaultInjector.plan(options.kinds(), options.faults(), dice);
        double rate = options.rate() > 0 ? options.rate()
                : Math.max(SLOWEST_RATE, workload.records() / (double) FaultInjector.expectedLength(plan, options.outage()).toSeconds());
        String described = String.format("%,d households (%,d reviews, %,d records with %,d re-reviews and moves and %,d"
                        + " withdrawals) sent at %,.0f records/s by %d uploaders in batches of %,d; %d %s of %s",
                workload.households(), workload.reviews(), workload.records(), workload.updates(), workload.withdrawals(), rate,
                options.uploaders(), options.batch(), plan.size(), plan.size() == 1 ? "fault" : "faults", options.kinds().stream().map(FaultKind::label).toList());
        out.println("Load: " + described);

        try (SeparateServices services = new SeparateServices(directory, options.partitions(), options.seed())) {
            out.println("Five processes ready: database, broker, ingest, sink, streams; logs in " + directory.resolve("logs"));
            FaultInjector injector = new FaultInjector(services, plan, options.outage(), dice, out);
            Thread faults = new Thread(injector, "fault-injector");
            faults.start();
            long started = System.nanoTime();
            HttpUploader uploader = new HttpUploader(new ReviewClient(services.ingestUrl(), services.token(), ANSWER_TIMEOUT),
                    topics.householdReviews(), options.uploaders(), options.batch(), rate, dice, out);
            HttpUploader.Tally uploads = uploader.upload(workload);
            out.printf("Load sent in %.0f s; %d of %d faults injected so far%n", (System.nanoTime() - started) / 1e9,
                    injector.outcomes().size(), plan.size());
            faults.join();

            Jdbi jdbi = jdbi(services.jdbcUrl());
            UnitRecount recount = workload.units();
            try {
                new Await(out).until("unit rows", () -> {
                    Correctness now = correctness(jdbi, workload, recount);
                    return now.ok() ? Check.DONE : Check.waiting(String.format("%,d unit rows to equal the recount", now.differences().size()));
                }, options.settle(), ROWS_STABLE_FOR);
            } catch (IllegalStateException stillDifferent) {
                out.println("  " + stillDifferent.getMessage());
            }
            return new FaultReport(described, injector.outcomes(), plan.size(), uploads, balance(jdbi, recount),
                    correctness(jdbi, workload, recount));
        }
    }

    private static Correctness correctness(Jdbi jdbi, Workload workload, UnitRecount recount) {
        return Correctness.read(jdbi, WorkloadBuilder.FIRST_YEAR, WorkloadBuilder.FINAL_YEAR, workload.expected(), recount, 0);
    }

    private static UnitRecount.HouseholdBalance balance(Jdbi jdbi, UnitRecount recount) {
        Map<String, NationFigures> villages = new HashMap<>();
        jdbi.useExtension(RollupTotalsDao.class, dao -> {
            for (int year = WorkloadBuilder.FIRST_YEAR; year <= WorkloadBuilder.FINAL_YEAR; year++) {
                for (RollupTotalsDao.UnitRow row : dao.villages(year)) {
                    villages.put(year + "/" + row.unitCode(), new NationFigures(row.households(), row.poor(), row.nearPoor()));
                }
            }
        });
        return recount.balance(villages);
    }

    private static Jdbi jdbi(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        return SinkDatabase.jdbi(dataSource);
    }
}
