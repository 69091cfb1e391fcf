package vn.povertyreview.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * End offsets of topics and committed offsets of consumer groups, through the admin client.
 * Thread-safe, like the admin client.
 */
final class TopicOffsets {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final Map<String, List<TopicPartition>> partitions = new ConcurrentHashMap<>();

    TopicOffsets(Admin admin) {
        this.admin = admin;
    }

    List<TopicPartition> partitionsOf(String topic) {
        return partitions.computeIfAbsent(topic, name -> get(admin.describeTopics(List.of(name)).allTopicNames())
                .get(name).partitions().stream()
                .map(info -> new TopicPartition(name, info.partition()))
                .toList());
    }

    /**
     * The end of each partition: the log end with {@code READ_UNCOMMITTED}, the last stable offset
     * (before the first open transaction) with {@code READ_COMMITTED}.
     */
    Map<TopicPartition, Long> ends(String topic, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitionsOf(topic).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all())
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Whether a transaction is open on any partition of the topic. */
    boolean openTransaction(String topic) {
        return !ends(topic, IsolationLevel.READ_COMMITTED).equals(ends(topic, IsolationLevel.READ_UNCOMMITTED));
    }

    /** The group's committed offsets on the topic; 0 where it has committed none. */
    Map<TopicPartition, Long> committed(String group, String topic) {
        ListConsumerGroupOffsetsSpec spec = new ListConsumerGroupOffsetsSpec().topicPartitions(partitionsOf(topic));
        Map<TopicPartition, OffsetAndMetadata> found = get(admin.listConsumerGroupOffsets(Map.of(group, spec))
                .partitionsToOffsetAndMetadata(group));
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (TopicPartition partition : partitionsOf(topic)) {
            OffsetAndMetadata offset = found.get(partition);
            committed.put(partition, offset == null ? 0L : offset.offset());
        }
        return committed;
    }

    /** Offsets from {@code from} to {@code to}, summed over partitions; never negative per partition. */
    static long distance(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        long sum = 0;
        for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
            sum += Math.max(0, end.getValue() - from.getOrDefault(end.getKey(), 0L));
        }
        return sum;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read offsets from Kafka: " + e.getMessage(), e);
        }
    }
}
