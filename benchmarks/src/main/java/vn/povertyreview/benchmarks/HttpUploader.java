package vn.povertyreview.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Deserializer;
import vn.povertyreview.domain.review.Review;
import vn.povertyreview.pipeline.demo.ReviewClient;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdReview;
import vn.povertyreview.schemas.ReviewRecords;
import vn.povertyreview.schemas.Topic;

/**
 * Sends a workload through the ingest API as reviewers' tools do: batches of reviews as JSON from
 * several uploaders at once, at a set pace, and each withdrawal as a DELETE once every review is
 * in. Like a real client it retries what got no answer or a 503, after a growing pause, until it
 * gets its 202. It also makes the season's untidiness: some batches are held back and sent last
 * (late arrivals: a household's first review after its re-review, a 2024 review after 2025's), and
 * some are sent twice (a reviewer uploading the same file again). Thread-safe counters; one
 * {@link #upload} at a time.
 */
final class HttpUploader {

    private static final int LATE_PERMILLE = 20;
    private static final int DUPLICATE_PERMILLE = 10;
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);
    /** A request still without its 202 after this long is given up, and its reviews are reported lost. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    /** What the uploaders sent and were answered. */
    record Tally(long requests, long accepted, long unavailable, long unanswered, long otherFailures, long refused,
            long givenUp, long lateBatches, long duplicateBatches, long withdrawals) {
    }

    private final ReviewClient client;
    private final int uploaders;
    private final int batchSize;
    private final double recordsPerSecond;
    private final Random dice;
    private final PrintStream out;
    private final Deserializer<String> keys;
    private final Deserializer<HouseholdReview> values;
    private final String topic;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong otherFailures = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final AtomicLong nextSlot = new AtomicLong();
    private long lateBatches;
    private long duplicateBatches;
    private long withdrawals;

    HttpUploader(ReviewClient client, Topic<String, HouseholdReview> reviews, int uploaders, int batchSize,
            double recordsPerSecond, Random dice, PrintStream out) {
        this.client = client;
        this.uploaders = uploaders;
        this.batchSize = batchSize;
        this.recordsPerSecond = recordsPerSecond;
        this.dice = dice;
        this.out = out;
        this.keys = reviews.keySerde().deserializer();
        this.values = reviews.valueSerde().deserializer();
        this.topic = reviews.name();
    }

    /** Sends every record of the workload until each has its 202 (or is given up); returns what happened. */
    Tally upload(Workload workload) throws Exception {
        List<List<Review>> held = new ArrayList<>();
        List<Workload.Message> withdrawn = new ArrayList<>();
        nextSlot.set(System.nanoTime());
        runStage(queue -> {
            List<Review> batch = new ArrayList<>(batchSize);
            workload.forEach(message -> {
                if (message.value() == null) {
                    withdrawn.add(message);
                    return;
                }
                batch.add(ReviewRecords.toDomain(values.deserialize(topic, message.value())));
                if (batch.size() == batchSize) {
                    route(List.copyOf(batch), queue, held);
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                route(List.copyOf(batch), queue, held);
            }
        });
        out.printf("  every batch in order sent; now %,d held back or repeated, then %,d withdrawals%n", held.size(), withdrawn.size());
        runStage(queue -> {
            for (List<Review> batch : held) {
                put(queue, () -> submit(batch));
            }
        });
        // Withdrawals go last, once every review they withdraw has its 202, as a reviewer withdraws a review made.
        runStage(queue -> {
            for (Workload.Message message : withdrawn) {
                HouseholdKey key = HouseholdKey.parse(keys.deserialize(topic, message.key()));
                put(queue, () -> withdraw(key, message.communeCode()));
            }
        });
        withdrawals = withdrawn.size();
        return new Tally(requests.get(), accepted.get(), unavailable.get(), unanswered.get(), otherFailures.get(),
                refused.get(), givenUp.get(), lateBatches, duplicateBatches, withdrawals);
    }

    private void route(List<Review> batch, BlockingQueue<Runnable> queue, List<List<Review>> held) {
        if (dice.nextInt(1000) < LATE_PERMILLE) {
            held.add(batch);
            lateBatches++;
            return;
        }
        put(queue, () -> submit(batch));
        if (dice.nextInt(1000) < DUPLICATE_PERMILLE) {
            held.add(batch);
            duplicateBatches++;
        }
    }

    private void submit(List<Review> batch) {
        pace(batch.size());
        send(() -> client.submit(batch).status());
    }

    private void withdraw(HouseholdKey key, String communeCode) {
        pace(1);
        send(() -> client.withdraw(key.reviewYear(), key.householdId(), communeCode).status());
    }

    /** A request, sent again after no answer or a 503 (or any 5xx) until it gets its 202. */
    private interface Request {
        int send() throws IOException, InterruptedException;
    }

    private void send(Request request) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        Duration wait = FIRST_RETRY;
        while (true) {
            requests.incrementAndGet();
            try {
                int status = request.send();
                if (status == 202) {
                    accepted.incrementAndGet();
                    return;
                }
                if (status == 503) {
                    unavailable.incrementAndGet();
                } else if (status >= 500) {
                    otherFailures.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                    out.println("  REFUSED with " + status + ": the workload holds a record the API does not take");
                    return;
                }
            } catch (IOException e) {
                unanswered.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (System.nanoTime() > deadline) {
                givenUp.incrementAndGet();
                out.println("  GAVE UP a request after " + GIVE_UP_AFTER.toMinutes() + " min without a 202");
                return;
            }
            FaultInjector.pause(wait);
            wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
        }
    }

    /** Holds a sender back until its records fit the pace: {@code recordsPerSecond} over all uploaders. */
    private void pace(int records) {
        long slot = nextSlot.getAndAdd((long) (records * 1e9 / recordsPerSecond));
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            FaultInjector.pause(Duration.ofNanos(wait));
        }
    }

    private interface Stage {
        void fill(BlockingQueue<Runnable> queue) throws Exception;
    }

    /** Runs the requests a stage queues on the uploaders, and returns when every one is answered. */
    private void runStage(Stage stage) throws Exception {
        BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(uploaders * 2);
        ExecutorService pool = Executors.newFixedThreadPool(uploaders);
        Runnable end = () -> { };
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < uploaders; i++) {
            running.add(pool.submit(() -> {
                for (Runnable request = queue.take(); request != end; request = queue.take()) {
                    request.run();
                }
                return null;
            }));
        }
        try {
            stage.fill(queue);
            for (int i = 0; i < uploaders; i++) {
                put(queue, end);
            }
            for (Future<?> uploader : running) {
                uploader.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static void put(BlockingQueue<Runnable> queue, Runnable request) {
        try {
            queue.put(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
