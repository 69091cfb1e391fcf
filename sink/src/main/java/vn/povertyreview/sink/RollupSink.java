package vn.povertyreview.sink;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the unit-rollups, classification-disagreements, target-statuses and target-gap-alerts
 * topics into PostgreSQL, exactly once: one consumer reads them all, each polled batch is written
 * with the consumer's next offsets on every topic in one database transaction ({@link SinkWriter}),
 * and on every partition assignment the consumer resumes from the offsets stored in the database,
 * which are the source of truth. Offsets are also committed to Kafka, but only so that tools can
 * show lag.
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
 * any thread and waits for the loop to finish ({@link ConsumerLoop}). The counters
 * ({@link #progress()}) are thread-safe. An unexpected Kafka error ends {@link #run()} with that
 * exception.
 */
public final class RollupSink extends ConsumerLoop<String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(RollupSink.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final SinkSettings settings;
    private final SinkWriter writer;
    private final SinkMetrics metrics;
    private final SinkMetrics.WriterLag lag;
    private final AtomicLong recordsWritten = new AtomicLong();
    private final AtomicLong batchesWritten = new AtomicLong();
    private final AtomicLong tombstonesIgnored = new AtomicLong();

    /** A writer without static membership: for tests and harnesses that start and stop writers at will. */
    public RollupSink(SinkSettings settings, Jdbi jdbi) {
        this(settings, jdbi, null);
    }

    /**
     * A writer named {@code groupInstanceId} in its group (static membership), or null for none:
     * restarted after a crash under the same name, it takes its partitions back at once instead of
     * waiting for the group to time its old self out.
     */
    public RollupSink(SinkSettings settings, Jdbi jdbi, String groupInstanceId) {
        this(settings, jdbi, groupInstanceId, SinkMetrics.unregistered(settings));
    }

    /** A writer named {@code groupInstanceId} in its group, counting what it writes in {@code metrics}, which its sink instance's writers share. */
    public RollupSink(SinkSettings settings, Jdbi jdbi, String groupInstanceId, SinkMetrics metrics) {
        this(settings, new SinkWriter(jdbi, settings), groupInstanceId, metrics);
    }

    private RollupSink(SinkSettings settings, SinkWriter writer, String groupInstanceId, SinkMetrics metrics) {
        super("Rollup sink " + settings.groupId(), "reading " + settings.topics() + " from " + settings.bootstrapServers(),
                new KafkaConsumer<>(withInstanceId(consumerProperties(settings.bootstrapServers(), settings.groupId(),
                        settings.maxPollRecords()), groupInstanceId),
                        new StringDeserializer(), new SinkValueDeserializer(writer.tables())),
                settings.topics(), settings.pollTimeout());
        this.settings = settings;
        this.writer = writer;
        this.metrics = metrics;
        this.lag = metrics.writerLag();
    }

    private static Properties withInstanceId(Properties properties, String groupInstanceId) {
        if (groupInstanceId != null) {
            properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId);
        }
        return properties;
    }

    @Override
    protected void handle(ConsumerRecords<String, Object> records) {
        long start = System.nanoTime();
        WrittenBatch batch = retrying("write " + records.count() + " records", () -> writer.write(records));
        metrics.written(batch, System.nanoTime() - start);
        recordsWritten.addAndGet(batch.records() - batch.tombstones());
        tombstonesIgnored.addAndGet(batch.tombstones());
        batchesWritten.incrementAndGet();
        if (batch.tombstones() > 0) {
            LOG.info("Ignored {} tombstones: the sink never deletes a rollup or an alert row", batch.tombstones());
        }
        LOG.debug("Wrote {}", batch);
        consumer().commitAsync(kafkaOffsets(records), (offsets, error) -> {
            if (error != null) {
                LOG.debug("Could not mirror offsets to Kafka (the database keeps the real ones): {}", error.getMessage());
            }
        });
    }

    /**
     * The lag of this writer's partitions as of its last poll: the records not polled yet and those
     * of the batch in hand, not written yet. Read-committed, it is counted up to the last stable
     * offset: records of open Streams transactions are not lag yet. A partition not fetched yet has
     * no known lag and counts nothing.
     */
    @Override
    protected void polled(ConsumerRecords<String, Object> records) {
        Map<String, Long> byTopic = new HashMap<>();
        for (TopicPartition partition : consumer().assignment()) {
            consumer().currentLag(partition).ifPresent(behind -> byTopic.merge(partition.topic(), behind, Long::sum));
        }
        for (TopicPartition partition : records.partitions()) {
            byTopic.merge(partition.topic(), (long) records.records(partition).size(), Long::sum);
        }
        lag.set(byTopic);
    }

    @Override
    protected void stopped() {
        metrics.stopped(lag);
    }

    @Override
    protected void skip(TopicPartition partition, long nextOffset) {
        retrying("store the offset after an unreadable record", () -> {
            writer.storeOffset(partition, nextOffset);
            return null;
        });
    }

    /** Seeks newly assigned partitions to the offsets stored in the database, or to their beginning. */
    @Override
    protected void assigned(Collection<TopicPartition> partitions) {
        Set<String> topics = new TreeSet<>();
        partitions.forEach(partition -> topics.add(partition.topic()));
        Map<TopicPartition, Long> stored = retrying("read the stored offsets", () -> writer.storedOffsets(topics));
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next == null) {
                consumer().seekToBeginning(List.of(partition));
            } else {
                consumer().seek(partition, next);
            }
        }
        LOG.info("Rollup sink {} resumes {} from stored offsets {}", settings.groupId(), partitions, stored);
    }

    @Override
    protected String summary() {
        return progress().toString();
    }

    /** Retries a database action until it succeeds or the sink closes; gives up on nothing else. */
    private <T> T retrying(String action, Attempt<T> databaseAction) {
        return retry(FIRST_RETRY, LAST_RETRY, databaseAction, (attempt, wait, failure) ->
                LOG.error("Could not {} (attempt {}), retrying in {} ms: {}", action, attempt, wait.toMillis(), failure.getMessage()));
    }

    private static Map<TopicPartition, OffsetAndMetadata> kafkaOffsets(ConsumerRecords<String, Object> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(records.nextOffsets());
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, Object>> inPartition = records.records(partition);
            offsets.putIfAbsent(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Counters so far. */
    public SinkProgress progress() {
        return new SinkProgress(recordsWritten.get(), batchesWritten.get(), skipped(), tombstonesIgnored.get());
    }
}
