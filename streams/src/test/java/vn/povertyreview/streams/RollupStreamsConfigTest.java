package vn.povertyreview.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import vn.povertyreview.schemas.Topics;

/** The properties an instance runs with: static membership only when the instance is named. */
class RollupStreamsConfigTest {

    private static final String INSTANCE_ID = StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

    @Test
    void aNamedInstanceJoinsItsGroupAsAStaticMember() {
        Properties props = new RollupStreamsConfig("app", "127.0.0.1:9092", Path.of("state"), 2, 1, "streams-0")
                .properties(Topics.withDefaultNames());

        assertThat(props.get(INSTANCE_ID)).isEqualTo("streams-0");
        // Each stream thread's consumer gets the name with its thread's number.
        assertThat(new StreamsConfig(props).getMainConsumerConfigs("app", "client", 1))
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "streams-0-1")
                // A replaced thread's old name leaves the group after 10 s, not the broker's 45 s.
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    }

    @Test
    void everyInternalTopicIsCreatedCompressedWithSegmentsTheCleanerCanCompact() {
        Properties props = new RollupStreamsConfig("app", "127.0.0.1:9092", Path.of("state"), 2, 1).properties(Topics.withDefaultNames());

        assertThat(props).containsEntry(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_BYTES_CONFIG), 8 * 1024 * 1024)
                .containsEntry(StreamsConfig.topicPrefix(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG), 0.1)
                .containsEntry(StreamsConfig.topicPrefix(TopicConfig.COMPRESSION_TYPE_CONFIG), Topics.COMPRESSION);
    }

    @Test
    void anUnnamedInstanceIsADynamicMember() {
        Properties props = new RollupStreamsConfig("app", "127.0.0.1:9092", Path.of("state"), 2, 1).properties(Topics.withDefaultNames());

        assertThat(props).doesNotContainKey(INSTANCE_ID);
    }
}
