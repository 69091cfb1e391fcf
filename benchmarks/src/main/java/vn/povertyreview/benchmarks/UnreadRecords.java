package vn.povertyreview.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records a reader has not yet read, given the offsets it resumes from.
 *
 * <p>Comparing a reader's offset with the end offset is not enough on a topic written in
 * transactions: the last entries of a partition are commit markers, which take offsets but are not
 * records, and a reader that stops after the last record may store an offset one or two short of
 * the end for ever. Reading the few entries in between settles it. Not thread-safe.
 */
final class UnreadRecords implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final Consumer<byte[], byte[]> consumer;

    UnreadRecords(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-unread-records");
        // Only what readers in exactly-once pipelines can see; the end is then the last stable offset.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Committed records at or after {@code from} in each partition, up to {@code limit}; more than
     * {@code limit} offsets between a reader and the end count as {@code limit + 1} without reading.
     */
    long count(Map<TopicPartition, Long> from, long limit) {
        List<TopicPartition> partitions = new ArrayList<>(from.keySet());
        // Assigned before asking for the ends: the last stable offsets are kept for assigned partitions only.
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<TopicPartition> behind = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long gap = ends.get(partition) - from.get(partition);
            if (gap > limit) {
                return limit + 1;
            }
            if (gap > 0) {
                behind.add(partition);
            }
        }
        if (behind.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(behind);
        for (TopicPartition partition : partitions) {
            // Partitions not behind sit at their end, so that a poll returns nothing of theirs; records
            // before the beginning were deleted (Streams purges repartition topics once it has read them).
            consumer.seek(partition, behind.contains(partition)
                    ? Math.max(from.get(partition), beginnings.get(partition)) : ends.get(partition));
        }
        long count = 0;
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!reachedEnds(behind, ends)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read to the end of " + behind + " within " + READ_TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    count++;
                }
            }
        }
        return count;
    }

    private boolean reachedEnds(List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
