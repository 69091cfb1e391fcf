package vn.povertyreview.ingest.internal.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.povertyreview.schemas.Topics;

/** The Kafka client configurations of the ingest service, in one place. */
public final class KafkaClientSettings {

    /** Lets records of one request travel in a few batches without delaying the answer noticeably. */
    private static final int LINGER_MS = 5;
    /**
     * How long the coordinator lets a transaction stay open before aborting it itself. Read-committed
     * consumers wait behind an open transaction, so this bounds how long a crashed instance can hold
     * them up; it must still cover sending the largest upload.
     */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(60);

    private KafkaClientSettings() {
    }

    /**
     * A transactional, idempotent producer whose every wait is bounded by {@code requestTimeout},
     * so that a dead Kafka gives the client a 503 within seconds instead of a hung request.
     */
    public static Map<String, Object> producer(String bootstrapServers, String transactionalId, Duration requestTimeout) {
        int timeout = Math.toIntExact(requestTimeout.toMillis());
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, Topics.COMPRESSION);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        // The client requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout - LINGER_MS);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Math.toIntExact(TRANSACTION_TIMEOUT.toMillis()));
        return config;
    }

    /** A consumer that reads whole topics from the beginning, committed records only, without a group. */
    public static Map<String, Object> topicReader(String bootstrapServers, String clientId, Duration requestTimeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.toIntExact(requestTimeout.toMillis()));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
