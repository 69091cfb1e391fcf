package vn.povertyreview.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.ingest.IngestService;
import vn.povertyreview.ingest.IngestSettings;
import vn.povertyreview.ingest.internal.auth.TokenHashes;
import vn.povertyreview.pipeline.demo.HouseholdGenerator;
import vn.povertyreview.pipeline.demo.ReviewClient;

/**
 * How fresh the figures are under a steady load: reviews of new households are submitted through
 * the real ingest API at a fixed offered rate, in requests of a tenth of a second's reviews, while a
 * watcher reads the NATION row of {@code unit_rollup} every few milliseconds. A request's freshness
 * is the time from its 202 to the first moment the NATION row counts every household submitted up to
 * and including it: the moment its reviews are visible to analysts. Not thread-safe.
 *
 * @see Freshness
 */
final class FreshnessProbe {

    /** Requests per second: each carries a tenth of a second's reviews. */
    private static final int REQUESTS_PER_SECOND = 10;
    private static final long WATCH_EVERY_NANOS = Duration.ofMillis(5).toNanos();

    private final PipelineRig rig;
    private final AdminMaps maps;

    FreshnessProbe(PipelineRig rig, AdminMaps maps) {
        this.rig = rig;
        this.maps = maps;
    }

    /** What the probe measured, and what its households add to the national counts and to every unit. */
    record Outcome(Freshness freshness, NationFigures expected, UnitRecount units) {

        /** This outcome's freshness, after {@code earlier}'s households: both add to the counts. */
        Outcome after(Outcome earlier) {
            return new Outcome(freshness, earlier.expected.plus(expected), earlier.units.plus(units));
        }
    }

    /**
     * Offers reviews of new households at {@code reviewsPerSecond} for {@code seconds}, the run having
     * counted {@code householdsBefore} households so far; the households' ids start with {@code
     * idPrefix}, which must differ between calls so that each call's households are new.
     */
    Outcome measure(int reviewsPerSecond, int seconds, long householdsBefore, long seed, String idPrefix) throws Exception {
        String token = "adm_freshness_" + seed;
        List<Review> reviews = generate(reviewsPerSecond * seconds, seed, idPrefix);
        NationFigures expected = NationFigures.NONE;
        UnitRecount units = new UnitRecount();
        for (Review review : reviews) {
            expected = expected.plus(NationFigures.of(review.classification()));
            units.add(review);
        }
        int perRequest = Math.max(1, reviewsPerSecond / REQUESTS_PER_SECOND);
        int requests = (reviews.size() + perRequest - 1) / perRequest;
        long[] acceptedAt = new long[requests];
        long[] countsUpTo = new long[requests];
        long[] seenAt = new long[requests];
        long[] onTopicAt = new long[requests];
        Arrays.fill(seenAt, -1);
        Arrays.fill(onTopicAt, -1);
        AtomicLong nationShows = new AtomicLong(householdsBefore);
        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicLong acceptedRequests = new AtomicLong();
        long start;
        long sentFor;
        try (IngestService ingest = IngestService.start(IngestSettings.defaults(rig.bootstrapServers(), TokenHashes.sha256Hex(token)).withPort(0))) {
            ReviewClient client = new ReviewClient(ingest.baseUri().toString(), token);
            Thread watcher = new Thread(() -> watch(rig.jdbi(), rig.nation(), nationShows, watching, acceptedRequests, countsUpTo,
                    seenAt, onTopicAt), "freshness-watcher");
            watcher.start();
            try {
                start = System.nanoTime();
                long interval = 1_000_000_000L / REQUESTS_PER_SECOND;
                for (int request = 0; request < requests; request++) {
                    LockSupport.parkNanos(start + request * interval - System.nanoTime());
                    List<Review> batch = reviews.subList(request * perRequest, Math.min(reviews.size(), (request + 1) * perRequest));
                    ReviewClient.Answer answer = client.submit(batch);
                    if (answer.status() != 202) {
                        throw new IllegalStateException("ingest answered " + answer.status() + ": " + answer.body());
                    }
                    acceptedAt[request] = System.nanoTime();
                    countsUpTo[request] = householdsBefore + (long) request * perRequest + batch.size();
                    acceptedRequests.set(request + 1);
                }
                sentFor = System.nanoTime() - start;
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (seenAt[requests - 1] < 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the NATION row did not reach " + countsUpTo[requests - 1] + " households; it shows "
                                + nationShows.get());
                    }
                    LockSupport.parkNanos(WATCH_EVERY_NANOS);
                }
            } finally {
                watching.set(false);
                watcher.join();
            }
        }
        long[] latencies = new long[requests];
        long[] toTopic = new long[requests];
        for (int i = 0; i < requests; i++) {
            latencies[i] = Math.max(0, seenAt[i] - acceptedAt[i]);
            toTopic[i] = onTopicAt[i] < 0 ? latencies[i] : Math.max(0, onTopicAt[i] - acceptedAt[i]);
        }
        return new Outcome(Freshness.of(reviewsPerSecond, seconds, perRequest, latencies, toTopic, reviews.size(),
                reviews.size() / (sentFor / 1e9)), expected, units);
    }

    /** Reads the NATION row every few milliseconds and notes when it first counts each accepted request's households. */
    private static void watch(Jdbi jdbi, NationWatcher topic, AtomicLong nationShows, AtomicBoolean watching,
            AtomicLong acceptedRequests, long[] countsUpTo, long[] seenAt, long[] onTopicAt) {
        int next = 0;
        int nextOnTopic = 0;
        try (var handle = jdbi.open()) {
            var query = handle.createQuery("SELECT total_households FROM unit_rollup WHERE review_year = :year AND unit_level = 'NATION'")
                    .bind("year", WorkloadBuilder.FINAL_YEAR);
            while (watching.get()) {
                long shows = query.mapTo(Long.class).findOne().orElse(0L);
                long at = System.nanoTime();
                nationShows.set(shows);
                long accepted = acceptedRequests.get();
                while (next < accepted && countsUpTo[next] <= shows) {
                    seenAt[next++] = at;
                }
                long onTopic = topic.latest().households();
                while (nextOnTopic < accepted && countsUpTo[nextOnTopic] <= onTopic) {
                    onTopicAt[nextOnTopic++] = at;
                }
                LockSupport.parkNanos(WATCH_EVERY_NANOS);
            }
        }
    }

    private List<Review> generate(int households, long seed, String idPrefix) {
        return WorkloadBuilder.newHouseholds(new HouseholdGenerator(maps, seed * 17 + 5), maps, households, idPrefix, new Random(seed));
    }
}
