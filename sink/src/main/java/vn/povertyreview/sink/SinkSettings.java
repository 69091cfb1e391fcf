package vn.povertyreview.sink;

import java.time.Duration;
import java.util.Objects;
import vn.povertyreview.schemas.Topics;

/**
 * How the sink reads Kafka: the brokers, its consumer group (also the key of its stored offsets),
 * the rollups topic ({@link #topic()}), the classification-disagreements topic, how long one poll
 * waits and how many records one database transaction takes at most. Built by the launcher; this
 * module reads no environment.
 *
 * <p>Immutable and thread-safe.
 */
public record SinkSettings(
        String bootstrapServers,
        String groupId,
        String topic,
        String classificationDisagreementsTopic,
        Duration pollTimeout,
        int maxPollRecords) {

    public static final String DEFAULT_GROUP_ID = "poverty-sink";
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    /** Large batches amortise the commit; 5,000 rows upsert in well under a second. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 5000;

    public SinkSettings {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(groupId, "groupId");
        requireText(topic, "topic");
        requireText(classificationDisagreementsTopic, "classificationDisagreementsTopic");
        if (topic.equals(classificationDisagreementsTopic)) {
            throw new IllegalArgumentException("the rollups and the classification-disagreements topics must differ, both are " + topic);
        }
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("pollTimeout must be positive, not " + pollTimeout);
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be at least 1, not " + maxPollRecords);
        }
    }

    /**
     * The defaults: group {@value #DEFAULT_GROUP_ID}, topics {@value Topics#UNIT_ROLLUPS} and
     * {@value Topics#CLASSIFICATION_DISAGREEMENTS}.
     */
    public static SinkSettings defaults(String bootstrapServers) {
        return new SinkSettings(bootstrapServers, DEFAULT_GROUP_ID, Topics.UNIT_ROLLUPS, Topics.CLASSIFICATION_DISAGREEMENTS,
                DEFAULT_POLL_TIMEOUT, DEFAULT_MAX_POLL_RECORDS);
    }

    public SinkSettings withGroupId(String newGroupId) {
        return new SinkSettings(bootstrapServers, newGroupId, topic, classificationDisagreementsTopic, pollTimeout, maxPollRecords);
    }

    /** The same settings reading rollups from {@code newTopic}. */
    public SinkSettings withTopic(String newTopic) {
        return new SinkSettings(bootstrapServers, groupId, newTopic, classificationDisagreementsTopic, pollTimeout, maxPollRecords);
    }

    public SinkSettings withClassificationDisagreementsTopic(String newTopic) {
        return new SinkSettings(bootstrapServers, groupId, topic, newTopic, pollTimeout, maxPollRecords);
    }

    public SinkSettings withPollTimeout(Duration newPollTimeout) {
        return new SinkSettings(bootstrapServers, groupId, topic, classificationDisagreementsTopic, newPollTimeout, maxPollRecords);
    }

    public SinkSettings withMaxPollRecords(int newMaxPollRecords) {
        return new SinkSettings(bootstrapServers, groupId, topic, classificationDisagreementsTopic, pollTimeout, newMaxPollRecords);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
