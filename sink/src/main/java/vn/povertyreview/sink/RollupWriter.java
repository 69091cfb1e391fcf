package vn.povertyreview.sink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.povertyreview.schemas.UnitKey;
import vn.povertyreview.schemas.UnitRollup;

/**
 * Writes polled unit rollups into {@code unit_rollup} together with the sink's next offsets, in
 * one database transaction per batch: after a crash the table and the stored offsets always agree,
 * and replaying from the stored offsets changes nothing.
 *
 * <p>Thread-safe: every call opens its own handle.
 */
public final class RollupWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RollupWriter.class);
    private static final Comparator<RollupRow> BY_KEY =
            Comparator.comparing(RollupRow::unitCode).thenComparingInt(RollupRow::reviewYear);

    private final Jdbi jdbi;
    private final String consumerGroup;

    public RollupWriter(Jdbi jdbi, String consumerGroup) {
        this.jdbi = jdbi;
        this.consumerGroup = consumerGroup;
    }

    /** Writes a polled batch and the consumer's position after it on each of its partitions. */
    public WrittenBatch write(ConsumerRecords<String, UnitRollup> polled) {
        List<ConsumerRecord<String, UnitRollup>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        // The position can be past the last record, over transaction markers and aborted records.
        polled.nextOffsets().forEach((partition, next) -> nextOffsets.put(partition, next.offset()));
        return write(records, nextOffsets);
    }

    /**
     * Writes the records and stores, per partition, the larger of the given next offset and the
     * offset after the partition's last record.
     */
    public WrittenBatch write(List<ConsumerRecord<String, UnitRollup>> records, Map<TopicPartition, Long> nextOffsets) {
        Map<UnitKey, RollupRow> latest = new HashMap<>();
        Map<TopicPartition, Long> offsets = new HashMap<>(nextOffsets);
        int tombstones = 0;
        for (ConsumerRecord<String, UnitRollup> record : records) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
            if (record.value() == null) {
                tombstones++;
                LOG.debug("Ignoring the tombstone for {} at {}-{} offset {}", record.key(), record.topic(), record.partition(), record.offset());
                continue;
            }
            RollupRow row = RollupRow.of(record.value());
            // One INSERT ... ON CONFLICT may not touch a row twice: keep the highest revision of each unit.
            latest.merge(new UnitKey(row.reviewYear(), row.unitCode()), row,
                    (kept, candidate) -> candidate.revision() > kept.revision() ? candidate : kept);
        }
        List<RollupRow> rows = new ArrayList<>(latest.values());
        // Rows in key order: concurrent writers then lock rows in the same order and cannot deadlock.
        rows.sort(BY_KEY);
        List<SinkOffset> positions = sinkOffsets(offsets);
        int[] changes = jdbi.inTransaction(handle -> {
            int[] counts = rows.isEmpty() ? new int[0] : handle.attach(RollupDao.class).upsert(rows);
            handle.attach(SinkOffsetDao.class).store(positions);
            return counts;
        });
        int changed = 0;
        for (int count : changes) {
            changed += count > 0 ? 1 : 0;
        }
        return new WrittenBatch(records.size(), rows.size(), changed, tombstones);
    }

    /** Stores the next offset of one partition alone, after a record that had to be skipped. */
    public void storeOffset(TopicPartition partition, long nextOffset) {
        List<SinkOffset> position = sinkOffsets(Map.of(partition, nextOffset));
        jdbi.useExtension(SinkOffsetDao.class, dao -> dao.store(position));
    }

    /** The stored next offsets of the topic's partitions, by partition number. */
    public Map<Integer, Long> storedOffsets(String topic) {
        return jdbi.withExtension(SinkOffsetDao.class, dao -> dao.nextOffsets(consumerGroup, topic));
    }

    private List<SinkOffset> sinkOffsets(Map<TopicPartition, Long> offsets) {
        List<SinkOffset> positions = new ArrayList<>(offsets.size());
        offsets.forEach((partition, next) ->
                positions.add(new SinkOffset(consumerGroup, partition.topic(), partition.partition(), next)));
        positions.sort(Comparator.comparing(SinkOffset::topic).thenComparingInt(SinkOffset::partition));
        return positions;
    }
}
