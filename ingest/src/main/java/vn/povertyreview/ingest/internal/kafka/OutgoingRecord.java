package vn.povertyreview.ingest.internal.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.Serde;
import vn.povertyreview.schemas.HouseholdKey;
import vn.povertyreview.schemas.HouseholdPartition;
import vn.povertyreview.schemas.Topic;

/**
 * One record to write, already serialized with its topic's serdes. Requests stage their records
 * in this compact form while the body is read, and hand them to {@link ProducerPool} only once the
 * whole body has been judged, so a producer is never held while a client is still uploading.
 * Immutable.
 *
 * @param householdId for a household's review or withdrawal, the household whose partition the record
 *                    goes to ({@link HouseholdPartition}); null for any other record, which goes where
 *                    Kafka's default partitioner puts its key
 */
public record OutgoingRecord(String topic, byte[] key, byte[] value, List<Header> headers, String householdId) {

    public OutgoingRecord {
        headers = List.copyOf(headers);
    }

    /** A record of the topic, serialized with the topic's own serdes; a null value is a tombstone. */
    public static <K, V> OutgoingRecord of(Topic<K, V> topic, K key, V value) {
        return new OutgoingRecord(topic.name(), serialize(topic.keySerde(), topic.name(), key),
                serialize(topic.valueSerde(), topic.name(), value), List.of(), null);
    }

    /**
     * A household's review (or, with a null value, its withdrawal), in the partition of its household:
     * all review years of a household in one partition, where Streams meets them.
     */
    public static <V> OutgoingRecord ofHousehold(Topic<String, V> topic, HouseholdKey key, V value) {
        return new OutgoingRecord(topic.name(), serialize(topic.keySerde(), topic.name(), key.toString()),
                serialize(topic.valueSerde(), topic.name(), value), List.of(), key.householdId());
    }

    /** The same record with one more header, its value written as UTF-8. */
    public OutgoingRecord withHeader(String name, String headerValue) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new RecordHeader(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return new OutgoingRecord(topic, key, value, more, householdId);
    }

    /** The record to send; {@code partitionsOf} tells how many partitions a topic has, asked only for a household's record. */
    ProducerRecord<byte[], byte[]> toProducerRecord(ToIntFunction<String> partitionsOf) {
        Integer partition = householdId == null ? null : HouseholdPartition.of(householdId, partitionsOf.applyAsInt(topic));
        return new ProducerRecord<>(topic, partition, key, value, headers);
    }

    private static <T> byte[] serialize(Serde<T> serde, String topic, T value) {
        return value == null ? null : serde.serializer().serialize(topic, value);
    }
}
