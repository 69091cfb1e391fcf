package vn.povertyreview.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.embedded.EmbeddedKafka;
import vn.povertyreview.ingest.IngestService;
import vn.povertyreview.ingest.IngestSettings;
import vn.povertyreview.ingest.internal.auth.TokenHashes;
import vn.povertyreview.pipeline.TopicSetup;
import vn.povertyreview.pipeline.demo.HouseholdGenerator;
import vn.povertyreview.pipeline.demo.ReviewClient;
import vn.povertyreview.schemas.Topics;

/**
 * Ingest under concurrent uploads: {@code --uploaders} clients (50 by default) each send batches of
 * {@code --batch} reviews (2,000) as JSON to a real ingest on a real broker (fsync on, as the broker
 * is configured), as fast as they are answered. Prints the reviews accepted per second, the p50, p99
 * and largest time to a 202, and every answer that was not a 202. Only the broker and ingest run.
 *
 * <pre>IngestLoadBenchmark [--uploaders=50] [--batch=2000] [--batches=10] [--partitions=6] [--seed=2025]</pre>
 */
public final class IngestLoadBenchmark {

    private static final String USAGE =
            "IngestLoadBenchmark [--uploaders=50] [--batch=2000] [--batches=10] [--partitions=6] [--seed=2025]";

    private IngestLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments a = Arguments.parse(args, USAGE);
        int uploaders = a.integer("uploaders", 50);
        int batch = a.integer("batch", 2000);
        int batches = a.integer("batches", 10);
        int partitions = a.integer("partitions", 6);
        long seed = a.number("seed", 2025);
        a.requireAllUsed();
        run(uploaders, batch, batches, partitions, seed, System.out);
    }

    static void run(int uploaders, int batch, int batches, int partitions, long seed, PrintStream out) throws Exception {
        AdminMaps maps = AdminMaps.official();
        List<List<Review>> requests = requests(maps, uploaders * batches, batch, seed);
        out.printf("Generated %,d requests of %,d reviews for %d uploaders%n", requests.size(), batch, uploaders);
        Path dataDir = Files.createTempDirectory("ingest-load-");
        String token = "adm_ingest_load_" + seed;
        Topics topics = Topics.withDefaultNames();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                TopicSetup.ensure(admin, topics, partitions, (short) 1);
            }
            try (IngestService ingest = IngestService.start(IngestSettings.defaults(kafka.bootstrapServers(),
                    TokenHashes.sha256Hex(token)).withPort(0))) {
                ReviewClient client = new ReviewClient(ingest.baseUri().toString(), token);
                // One request per uploader first, untimed: connections, JIT and producers warm up.
                send(client, requests.subList(0, uploaders), uploaders, new AtomicLong());
                AtomicLong refused = new AtomicLong();
                long started = System.nanoTime();
                long[] latencies = send(client, requests.subList(uploaders, requests.size()), uploaders, refused);
                double seconds = (System.nanoTime() - started) / 1e9;
                Arrays.sort(latencies);
                long accepted = (long) (latencies.length - refused.get()) * batch;
                out.printf("%d uploaders, %,d requests of %,d reviews in %.1f s: %,.0f reviews/s accepted;"
                                + " time to 202 p50 %,d ms, p99 %,d ms, max %,d ms; %d answers other than 202%n",
                        uploaders, latencies.length, batch, seconds, accepted / seconds, percentile(latencies, 0.50),
                        percentile(latencies, 0.99), latencies[latencies.length - 1], refused.get());
            }
            // Every accepted review must be on the topic, committed: a 202 promises it.
            Map<TopicPartition, Long> fromStart = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                fromStart.put(new TopicPartition(topics.householdReviews().name(), partition), 0L);
            }
            long expected = (long) requests.size() * batch;
            try (UnreadRecords committed = new UnreadRecords(kafka.bootstrapServers())) {
                long onTopic = committed.count(fromStart, expected + 1);
                out.printf("Committed on %s: %,d records for %,d reviews accepted (%s)%n", topics.householdReviews().name(),
                        onTopic, expected, onTopic == expected ? "none lost, none twice" : "DIFFERENT");
            }
        } finally {
            DirectorySize.delete(dataDir);
        }
    }

    /** Sends every request, {@code uploaders} at a time; the time of each, in ms. */
    private static long[] send(ReviewClient client, List<List<Review>> requests, int uploaders, AtomicLong refused)
            throws Exception {
        long[] latencies = new long[requests.size()];
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(uploaders);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < uploaders; i++) {
                running.add(pool.submit(() -> {
                    for (int request = (int) next.getAndIncrement(); request < requests.size();
                            request = (int) next.getAndIncrement()) {
                        long start = System.nanoTime();
                        ReviewClient.Answer answer = client.submit(requests.get(request));
                        latencies[request] = (System.nanoTime() - start) / 1_000_000;
                        if (answer.status() != 202) {
                            refused.incrementAndGet();
                            System.err.println("answer " + answer.status() + ": " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> uploader : running) {
                uploader.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return latencies;
    }

    private static long percentile(long[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }

    /** {@code count} requests of {@code size} first reviews of new households over every province of 2025. */
    private static List<List<Review>> requests(AdminMaps maps, int count, int size, long seed) {
        List<Review> reviews = WorkloadBuilder.newHouseholds(new HouseholdGenerator(maps, seed), maps, count * size, "LOAD-",
                new Random(seed));
        List<List<Review>> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(reviews.subList(i * size, (i + 1) * size));
        }
        return requests;
    }
}
