package vn.povertyreview.sink;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the unit-rollups, classification-disagreements, target-statuses and target-gap-alerts
 * topics into PostgreSQL, exactly once: one consumer reads them all, each polled batch is written
 * with the consumer's next offsets on every topic in one database transaction ({@link SinkWriter}),
 * and on every partition assignment the
 * consumer resumes from the offsets stored in the database, which are the source of truth. Offsets
 * are also committed to Kafka, but only so that tools can show lag.
 *
 * <ul>
 *   <li>Reads committed records only: records of aborted Streams transactions never reach the tables.
 *   <li>A rollup or alert tombstone is ignored (rollup and alert rows are never deleted); a
 *       disagreement tombstone deletes the household-year's row, a status tombstone the target's.
 *   <li>A database failure is logged and the same batch retried, with bounded exponential backoff,
 *       until it succeeds or the sink is closed; nothing is ever skipped.
 *   <li>A record that cannot be deserialized is logged with its partition and offset, counted and
 *       skipped, and the offset after it is stored.
 * </ul>
 *
 * <p>Run it on one thread ({@link #run()} returns when closed); {@link #close()} may be called from
 * any thread and waits for the loop to finish. The counters ({@link #progress()}) are thread-safe.
 * An unexpected Kafka error ends {@link #run()} with that exception.
 */
public final class RollupSink implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RollupSink.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final SinkSettings settings;
    private final Consumer<String, Object> consumer;
    private final SinkWriter writer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong recordsWritten = new AtomicLong();
    private final AtomicLong batchesWritten = new AtomicLong();
    private final AtomicLong recordsSkipped = new AtomicLong();
    private final AtomicLong tombstonesIgnored = new AtomicLong();

    public RollupSink(SinkSettings settings, Jdbi jdbi) {
        this.settings = settings;
        this.writer = new SinkWriter(jdbi, settings);
        this.consumer = new KafkaConsumer<>(consumerProperties(settings), new StringDeserializer(), new SinkValueDeserializer(writer.tables()));
    }

    private static Properties consumerProperties(SinkSettings settings) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Positions come from the database; Kafka's committed offsets are for lag monitoring only.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A stored offset that no longer exists (topic recreated) restarts at the beginning, not the end.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.maxPollRecords()));
        return props;
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            if (closing()) {
                return;
            }
            throw new IllegalStateException("a RollupSink runs only once");
        }
        LOG.info("Rollup sink {} reading {} from {}", settings.groupId(), settings.topics(), settings.bootstrapServers());
        try {
            consumer.subscribe(settings.topics(), new ResumeFromDatabase());
            while (!closing()) {
                pollAndWrite();
            }
        } catch (WakeupException | SinkClosing e) {
            // close() interrupts a poll or a retry: the normal way out.
        } catch (RuntimeException e) {
            // An exception from the rebalance listener arrives wrapped; while closing it is expected.
            if (!closing()) {
                LOG.error("Rollup sink {} stopped on an unexpected error", settings.groupId(), e);
                throw e;
            }
        } finally {
            consumer.close();
            finished.countDown();
            LOG.info("Rollup sink {} stopped: {}", settings.groupId(), progress());
        }
    }

    private void pollAndWrite() {
        ConsumerRecords<String, Object> records;
        try {
            records = consumer.poll(settings.pollTimeout());
        } catch (RecordDeserializationException e) {
            skipUnreadable(e);
            return;
        }
        if (records.isEmpty()) {
            return;
        }
        WrittenBatch batch = retrying("write " + records.count() + " records", () -> writer.write(records));
        recordsWritten.addAndGet(batch.records() - batch.tombstones());
        tombstonesIgnored.addAndGet(batch.tombstones());
        batchesWritten.incrementAndGet();
        if (batch.tombstones() > 0) {
            LOG.info("Ignored {} tombstones: the sink never deletes a rollup or an alert row", batch.tombstones());
        }
        LOG.debug("Wrote {}", batch);
        consumer.commitAsync(kafkaOffsets(records), (offsets, error) -> {
            if (error != null) {
                LOG.debug("Could not mirror offsets to Kafka (the database keeps the real ones): {}", error.getMessage());
            }
        });
    }

    private void skipUnreadable(RecordDeserializationException e) {
        TopicPartition partition = e.topicPartition();
        long next = e.offset() + 1;
        Throwable reason = e.getCause() == null ? e : e.getCause();
        LOG.error("Skipping the unreadable record at {} offset {}: {}", partition, e.offset(), reason.getMessage());
        retrying("store the offset after an unreadable record", () -> {
            writer.storeOffset(partition, next);
            return null;
        });
        consumer.seek(partition, next);
        recordsSkipped.incrementAndGet();
    }

    /** Retries a database action until it succeeds or the sink closes; gives up on nothing else. */
    private <T> T retrying(String action, Supplier<T> databaseAction) {
        Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
        for (int attempt = 1; ; attempt++) {
            try {
                return databaseAction.get();
            } catch (RuntimeException e) {
                if (closing()) {
                    throw new SinkClosing();
                }
                Duration delay = backoff.next();
                LOG.error("Could not {} (attempt {}), retrying in {} ms: {}", action, attempt, delay.toMillis(), e.getMessage());
                awaitCloseFor(delay);
            }
        }
    }

    private void awaitCloseFor(Duration delay) {
        try {
            if (closeRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SinkClosing();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkClosing();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> kafkaOffsets(ConsumerRecords<String, Object> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(records.nextOffsets());
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, Object>> inPartition = records.records(partition);
            offsets.putIfAbsent(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private boolean closing() {
        return closeRequested.getCount() == 0;
    }

    /** Whether the loop has started and not yet ended; false after an unexpected error stopped it. */
    public boolean isRunning() {
        return started.get() && finished.getCount() > 0 && !closing();
    }

    /** Counters so far. */
    public SinkProgress progress() {
        return new SinkProgress(recordsWritten.get(), batchesWritten.get(), recordsSkipped.get(), tombstonesIgnored.get());
    }

    /** Stops the loop after the batch in hand (an unfinished retry is abandoned, not skipped) and waits for it. */
    @Override
    public void close() {
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
                LOG.warn("Rollup sink {} did not stop within {} s", settings.groupId(), CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Seeks newly assigned partitions to the offsets stored in the database, or to their beginning. */
    private final class ResumeFromDatabase implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Set<String> topics = new TreeSet<>();
            partitions.forEach(partition -> topics.add(partition.topic()));
            Map<TopicPartition, Long> stored = retrying("read the stored offsets", () -> writer.storedOffsets(topics));
            for (TopicPartition partition : partitions) {
                Long next = stored.get(partition);
                if (next == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, next);
                }
            }
            LOG.info("Rollup sink {} resumes {} from stored offsets {}", settings.groupId(), partitions, stored);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to flush: every batch is committed to the database before the next poll.
        }
    }

    /** Unwinds the loop when close() interrupts a retry. */
    private static final class SinkClosing extends RuntimeException {
        SinkClosing() {
            super("the rollup sink is closing", null, false, false);
        }
    }
}
