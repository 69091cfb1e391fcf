package vn.povertyreview.sink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch of a table where a record replaces the row of its key and a tombstone deletes it, reduced
 * to the last record of each key: one statement may not touch a row twice, and the topic's order
 * decides (one key is on one partition, in offset order). A tombstone whose key cannot be parsed is
 * logged and ignored. Rows and deleted keys are in key order, so that concurrent writers lock rows
 * in the same order and cannot deadlock. Immutable.
 *
 * @param <K> the key of a row
 * @param <R> the row
 */
public final class LastRecordPerKey<K, R> {

    private static final Logger LOG = LoggerFactory.getLogger(LastRecordPerKey.class);

    private final List<R> rows;
    private final List<K> deletedKeys;
    private final int tombstonesIgnored;

    /**
     * @param keyOfRow the key of a row
     * @param parseKey the key of a tombstone, from its record key; throws IllegalArgumentException if it is not one
     * @param order the order of the keys, consistent with their equals
     */
    public LastRecordPerKey(List<ConsumerRecord<String, R>> records, Function<R, K> keyOfRow, Function<String, K> parseKey,
            Comparator<K> order) {
        Map<K, ConsumerRecord<String, R>> last = new TreeMap<>(order);
        int ignored = 0;
        for (ConsumerRecord<String, R> record : records) {
            K key = record.value() == null ? tombstoneKey(record, parseKey) : keyOfRow.apply(record.value());
            if (key == null) {
                ignored++;
            } else {
                last.merge(key, record, LastRecordPerKey::later);
            }
        }
        List<R> values = new ArrayList<>();
        List<K> deleted = new ArrayList<>();
        last.forEach((key, record) -> {
            if (record.value() == null) {
                deleted.add(key);
            } else {
                values.add(record.value());
            }
        });
        this.rows = List.copyOf(values);
        this.deletedKeys = List.copyOf(deleted);
        this.tombstonesIgnored = ignored;
    }

    /** The rows of the keys whose last record is a value, in key order. */
    public List<R> rows() {
        return rows;
    }

    /** The keys whose last record is a tombstone, in key order. */
    public List<K> deletedKeys() {
        return deletedKeys;
    }

    /** Tombstones whose key is not a key of the table. */
    public int tombstonesIgnored() {
        return tombstonesIgnored;
    }

    /** The key of a tombstone; null, logged, for a record key that is not one. */
    private static <K> K tombstoneKey(ConsumerRecord<String, ?> record, Function<String, K> parseKey) {
        try {
            return parseKey.apply(record.key());
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the tombstone at {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    /** Of two records of one key, the one that comes later on its partition (or in the batch). */
    private static <R> ConsumerRecord<String, R> later(ConsumerRecord<String, R> kept, ConsumerRecord<String, R> candidate) {
        boolean samePartition = kept.partition() == candidate.partition() && kept.topic().equals(candidate.topic());
        return samePartition && candidate.offset() < kept.offset() ? kept : candidate;
    }
}
