package vn.povertyreview.ingest.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.povertyreview.schemas.Topic;

/**
 * Reads a whole topic as downstream services do: committed records only. Callers wait on the
 * result with Awaitility, since a commit becomes visible to consumers a moment after the producer
 * is told it succeeded.
 */
public final class CommittedRecords {

    private CommittedRecords() {
    }

    /** Every committed record of the topic, values decoded with the topic's serde. */
    public static <V> List<ConsumerRecord<String, V>> of(String bootstrapServers, Topic<String, V> topic) {
        List<ConsumerRecord<String, V>> decoded = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> raw : raw(bootstrapServers, topic.name())) {
            V value = topic.valueSerde().deserializer().deserialize(topic.name(), raw.value());
            decoded.add(new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(),
                    raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(), raw.key(), value,
                    raw.headers(), raw.leaderEpoch()));
        }
        return decoded;
    }

    public static List<ConsumerRecord<String, byte[]>> raw(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
