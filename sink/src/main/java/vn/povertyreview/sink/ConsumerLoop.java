package vn.povertyreview.sink;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop of the sink's consumers, the {@link RollupSink} and the alert webhook: subscribes
 * to its topics, polls, and hands each batch to {@link #handle} until it is closed. The subclass
 * decides where a batch goes and where its offsets are kept; the loop owns the consumer's life.
 *
 * <ul>
 *   <li>A record that cannot be deserialized is logged with its partition and offset, the offset
 *       after it is handed to {@link #skip} and the consumer moves past it.
 *   <li>{@link #retry} repeats a failing action with bounded exponential backoff until it succeeds
 *       or the loop is closed: nothing is ever skipped.
 *   <li>An unexpected Kafka error ends {@link #run()} with that exception.
 * </ul>
 *
 * <p>Run it once, on one thread ({@link #run()} returns when closed); {@link #close()} may be called
 * from any thread and waits for the loop to finish. The subclass's methods are called on the loop's
 * thread; {@link #isRunning()} and {@link #skipped()} are thread-safe.
 *
 * @param <K> the keys, as the consumer deserializes them
 * @param <V> the values, as the consumer deserializes them
 */
public abstract class ConsumerLoop<K, V> implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final String name;
    private final String activity;
    private final Consumer<K, V> consumer;
    private final List<String> topics;
    private final Duration pollTimeout;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong skipped = new AtomicLong();
    /** When the retried action began to fail; null while actions succeed. */
    private volatile Instant failingSince;

    /**
     * @param name the loop in its log lines, such as {@code Rollup sink poverty-sink}
     * @param activity what it does, after its name in the line that it starts
     * @param consumer a consumer configured with {@link #consumerProperties}; the loop closes it
     */
    protected ConsumerLoop(String name, String activity, Consumer<K, V> consumer, List<String> topics, Duration pollTimeout) {
        this.name = name;
        this.activity = activity;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.pollTimeout = pollTimeout;
    }

    /** The configuration of every consumer of the sink, in a group of its own. */
    protected static Properties consumerProperties(String bootstrapServers, String groupId, int maxPollRecords) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Records of aborted transactions never reach a table or a receiver.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A loop keeps its positions once its records are safe: the sink in its database, the webhook after a 2xx.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group, or a stored offset that no longer exists (topic recreated), starts at the beginning, not the end.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        return props;
    }

    @Override
    public final void run() {
        if (!started.compareAndSet(false, true)) {
            if (closing()) {
                return;
            }
            throw new IllegalStateException(name + " runs only once");
        }
        LOG.info("{} {}", name, activity);
        try {
            consumer.subscribe(topics, new Assignments());
            while (!closing()) {
                pollAndHandle();
            }
        } catch (WakeupException | LoopClosing e) {
            // close() interrupts a poll or a retry: the normal way out.
        } catch (RuntimeException e) {
            // An exception from the rebalance listener arrives wrapped; while closing it is expected.
            if (!closing()) {
                LOG.error("{} stopped on an unexpected error", name, e);
                throw e;
            }
        } finally {
            stopped();
            consumer.close();
            finished.countDown();
            LOG.info("{} stopped: {}", name, summary());
        }
    }

    private void pollAndHandle() {
        ConsumerRecords<K, V> records;
        try {
            records = consumer.poll(pollTimeout);
        } catch (RecordDeserializationException e) {
            skipUnreadable(e);
            return;
        }
        polled(records);
        if (!records.isEmpty()) {
            handle(records);
        }
    }

    private void skipUnreadable(RecordDeserializationException e) {
        TopicPartition partition = e.topicPartition();
        long next = e.offset() + 1;
        Throwable reason = e.getCause() == null ? e : e.getCause();
        LOG.error("Skipping the unreadable record at {} offset {}: {}", partition, e.offset(), reason.getMessage());
        skip(partition, next);
        consumer.seek(partition, next);
        skipped.incrementAndGet();
    }

    /**
     * Takes one poll's records, none of them unreadable, and returns once they are where they go
     * and their offsets are kept, or throws.
     */
    protected abstract void handle(ConsumerRecords<K, V> records);

    /** Keeps the offset after an unreadable record as {@link #handle} keeps those of records; the loop then seeks to it. */
    protected abstract void skip(TopicPartition partition, long nextOffset);

    /**
     * Positions partitions newly assigned to the consumer, before any of their records is polled;
     * by default they start from the offsets the group committed to Kafka.
     */
    protected void assigned(Collection<TopicPartition> partitions) {
    }

    /** After each poll, before its records (if any) are handled: the consumer knows its lag as of that poll. */
    protected void polled(ConsumerRecords<K, V> records) {
    }

    /** When the loop ends, before its consumer is closed. */
    protected void stopped() {
    }

        /** What the loop has done so far, for the line it logs when it stops. */
    protected abstract String summary();

    /** The loop's consumer, for the subclass's commits and seeks on the loop's thread. */
    protected final Consumer<K, V> consumer() {
        return consumer;
    }

    /**
     * Runs the attempt until it succeeds, waiting after each failure, from {@code firstWait}
     * doubling up to {@code lastWait}; gives up only when the loop is closed, abandoning the action
     * (which is then never skipped: it is where the next run starts).
     *
     * @param failed hears of each failure that is retried, with the attempt's number and the wait before the next
     */
    protected final <T> T retry(Duration firstWait, Duration lastWait, Attempt<T> attempt, Failures failed) {
        Backoff backoff = new Backoff(firstWait, lastWait);
        for (int number = 1; ; number++) {
            try {
                T result = attempt.run();
                failingSince = null;
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoopClosing();
            } catch (Exception e) {
                if (closing()) {
                    throw new LoopClosing();
                }
                if (failingSince == null) {
                    failingSince = Instant.now();
                }
                Duration wait = backoff.next();
                failed.retrying(number, wait, e);
                awaitCloseFor(wait);
            }
        }
    }

    private void awaitCloseFor(Duration delay) {
        try {
            if (closeRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LoopClosing();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopClosing();
        }
    }

    private boolean closing() {
        return closeRequested.getCount() == 0;
    }

    /** Unreadable records skipped so far. */
    protected final long skipped() {
        return skipped.get();
    }

    /**
     * Since when the action in hand has failed and is being retried (the database is down, say),
     * or empty while the loop's actions succeed. Thread-safe.
     */
    public final Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** Whether the loop has started and not yet ended; false after an unexpected error stopped it. */
    public final boolean isRunning() {
        return started.get() && finished.getCount() > 0 && !closing();
    }

    /** Stops the loop after the batch in hand (an unfinished retry is abandoned, not skipped) and waits for it. */
    @Override
    public final void close() {
        closeRequested.countDown();
        if (started.compareAndSet(false, true)) {
            // Never ran: nobody else will close the consumer.
            consumer.close();
            finished.countDown();
            return;
        }
        if (finished.getCount() > 0) {
            consumer.wakeup();
        }
        try {
            if (!finished.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {} s", name, CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One attempt of an action that {@link #retry} repeats until it returns. */
    @FunctionalInterface
    protected interface Attempt<T> {

        T run() throws Exception;
    }

    /** Hears of the failed attempts that {@link #retry} repeats. */
    @FunctionalInterface
    protected interface Failures {

        void retrying(int attempt, Duration wait, Exception failure);
    }

    /** Hands newly assigned partitions to {@link #assigned}. */
    private final class Assignments implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                assigned(partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to flush: every batch is handled, its offsets kept, before the next poll.
        }
    }

    /** Unwinds the loop when close() interrupts a retry. */
    private static final class LoopClosing extends RuntimeException {
        LoopClosing() {
            super("the loop is closing", null, false, false);
        }
    }
}
