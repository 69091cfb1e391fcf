package vn.povertyreview.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.povertyreview.schemas.HouseholdPartition;
import vn.povertyreview.streams.internal.ReviewCheckProcessor;

/**
 * Sends a workload to household-reviews the way ingest does: idempotent and acknowledged by all
 * in-sync replicas, so that a retry can neither lose nor duplicate a review. Batches are large and
 * LZ4-compressed because a season's upload is a bulk load, not a trickle. Not thread-safe.
 */
final class ReviewProducer implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final int partitions;

    ReviewProducer(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(properties(bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer());
        // Fetch the topic's metadata now, so the first timed send does not wait for it.
        this.partitions = producer.partitionsFor(topic).size();
    }

    private static Properties properties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-review-producer");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // ~1,000 reviews of ~250 bytes per partition batch; 10 ms is long enough to fill it under load.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        // Room for several batches per partition in flight while the caller keeps sending.
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        return props;
    }

    /** Sends every record and waits until all are acknowledged; returns how many were. */
    long send(Workload workload) {
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        workload.forEach(message -> {
            // As ingest does: every review year of a household in the household's partition, and a
            // withdrawal naming the commune the withdrawing reviewer speaks for.
            int partition = HouseholdPartition.of(message.householdId(), partitions);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, message.key(), message.value());
            if (message.communeCode() != null) {
                record.headers().add(ReviewCheckProcessor.COMMUNE_HEADER, message.communeCode().getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failure.compareAndSet(null, error);
                }
            });
        });
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("sending " + workload.name() + " failed: " + failure.get().getMessage(), failure.get());
        }
        return acknowledged.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
