package vn.povertyreview.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import vn.povertyreview.schemas.Topics;

/**
 * Kafka Streams properties of the rollup application. Exactly-once (v2) always: a count must
 * never be applied twice or lost, whatever crashes. Immutable.
 *
 * @param applicationId    Streams application id; also prefixes internal topics and stores
 * @param bootstrapServers Kafka bootstrap servers
 * @param stateDir         where the local state stores live
 * @param threads          stream threads of this instance
 * @param replicationFactor of internal topics (changelogs, repartition)
 * @param instanceId       this instance's stable, unique name in its group (static membership), or
 *                         null for none: restarted after a crash under the same name, an instance
 *                         takes its tasks back at once instead of waiting for the group to time
 *                         its old self out
 */
public record RollupStreamsConfig(
        String applicationId,
        String bootstrapServers,
        Path stateDir,
        int threads,
        int replicationFactor,
        String instanceId) {

    /** Without static membership: for tests and harnesses that start and stop instances at will. */
    public RollupStreamsConfig(String applicationId, String bootstrapServers, Path stateDir, int threads, int replicationFactor) {
        this(applicationId, bootstrapServers, stateDir, threads, replicationFactor, null);
    }

    public static final String DEFAULT_APPLICATION_ID = "poverty-rollups";
    /** How long a static member may be silent before its group drops it. */
    static final int STATIC_SESSION_TIMEOUT_MS = 10_000;
    /** The segment size of the internal topics (changelogs and repartitions). */
    static final int INTERNAL_SEGMENT_BYTES = 8 * 1024 * 1024;
    /** The share of a changelog's closed segments that may be superseded writes before the cleaner compacts it. */
    static final double CHANGELOG_DIRTY_RATIO = 0.1;
    /** How much longer than a commit interval a transaction may stay open before the broker aborts it. */
    private static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(60);

    /** The properties with the default rollup options. */
    public Properties properties(Topics topics) {
        return properties(topics, RollupOptions.defaults());
    }

    public Properties properties(Topics topics, RollupOptions options) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        // Changes are summed in the topology's own commit buffers; no store uses Streams' record cache.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        // Commits come at the freshness budget under a backlog, and earlier while input is live (CommitPacer).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, options.freshnessBudget().toMillis());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                (int) options.freshnessBudget().plus(TRANSACTION_MARGIN).toMillis());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), Topics.COMPRESSION);
        props.put(StreamsConfig.topicPrefix(TopicConfig.COMPRESSION_TYPE_CONFIG), Topics.COMPRESSION);
        // Small segments for every internal topic. The log cleaner compacts only closed segments, so
        // with the broker's 1 GiB a changelog was never compacted and a restore after a crash read
        // every write ever made; and a purged repartition segment is freed only once closed.
        props.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_BYTES_CONFIG), INTERNAL_SEGMENT_BYTES);
        // The broker's default lets half a changelog be superseded writes before it compacts, and a
        // restore after a crash reads all of them; a tenth halves what a restore reads.
        props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG), CHANGELOG_DIRTY_RATIO);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UndecodableReviewHandler.class);
        // The behaviour Kafka 5 makes the default; set now so that an upgrade changes nothing.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(UndecodableReviewHandler.REVIEWS_TOPIC_CONFIG, topics.householdReviews().name());
        props.put(UndecodableReviewHandler.REJECTED_TOPIC_CONFIG, topics.rejectedReviews().name());
        if (instanceId != null) {
            // Streams gives each stream thread's consumer this name with the thread's number appended.
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
            // A static member the group has not heard from is dropped after this long. A stream
            // thread that failed is replaced by one with the next number, so the failed thread's
            // name stays in the group as a member that never returns, holding its partitions: after
            // the broker's default 45 s the restarted instance waited that long for them (84.6 s to
            // come back after a kill -9 that followed such a replacement). A restart that takes
            // longer than this costs one rebalance instead, a second or two.
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), STATIC_SESSION_TIMEOUT_MS);
        }
        return props;
    }
}
