package vn.povertyreview.streams;

import java.nio.file.Path;
import java.util.Properties;
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
 */
public record RollupStreamsConfig(
        String applicationId,
        String bootstrapServers,
        Path stateDir,
        int threads,
        int replicationFactor) {

    public static final String DEFAULT_APPLICATION_ID = "poverty-rollups";
    /** Room for the pending changes of some 100,000 units between two commits, shared by the stream threads. */
    static final long PENDING_CACHE_BYTES = 64L * 1024 * 1024;

    public Properties properties(Topics topics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        // Only the pending-change store is cached (see RollupTopology); it holds one flush interval's units.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, PENDING_CACHE_BYTES);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UndecodableReviewHandler.class);
        // The behaviour Kafka 5 makes the default; set now so that an upgrade changes nothing.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(UndecodableReviewHandler.REVIEWS_TOPIC_CONFIG, topics.householdReviews().name());
        props.put(UndecodableReviewHandler.REJECTED_TOPIC_CONFIG, topics.rejectedReviews().name());
        return props;
    }
}
