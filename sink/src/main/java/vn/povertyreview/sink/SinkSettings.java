package vn.povertyreview.sink;

import java.time.Duration;
import java.util.Objects;
import vn.povertyreview.schemas.Topics;

/**
 * How the rollup sink reads Kafka: the brokers, its consumer group (also the key of its stored
 * offsets), the rollups topic, how long one poll waits and how many records one database
 * transaction takes at most. Built by the launcher; this module reads no environment.
 *
 * <p>Immutable and thread-safe.
 */
public record SinkSettings(String bootstrapServers, String groupId, String topic, Duration pollTimeout, int maxPollRecords) {

    public static final String DEFAULT_GROUP_ID = "poverty-sink";
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    /** Large batches amortise the commit; 5,000 rows upsert in well under a second. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 5000;

    public SinkSettings {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(groupId, "groupId");
        requireText(topic, "topic");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("pollTimeout must be positive, not " + pollTimeout);
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be at least 1, not " + maxPollRecords);
        }
    }

    /** The defaults: group {@value #DEFAULT_GROUP_ID}, topic {@value Topics#UNIT_ROLLUPS}. */
    public static SinkSettings defaults(String bootstrapServers) {
        return new SinkSettings(bootstrapServers, DEFAULT_GROUP_ID, Topics.UNIT_ROLLUPS, DEFAULT_POLL_TIMEOUT,
                DEFAULT_MAX_POLL_RECORDS);
    }

    public SinkSettings withGroupId(String newGroupId) {
        return new SinkSettings(bootstrapServers, newGroupId, topic, pollTimeout, maxPollRecords);
    }

    public SinkSettings withTopic(String newTopic) {
        return new SinkSettings(bootstrapServers, groupId, newTopic, pollTimeout, maxPollRecords);
    }

    public SinkSettings withPollTimeout(Duration newPollTimeout) {
        return new SinkSettings(bootstrapServers, groupId, topic, newPollTimeout, maxPollRecords);
    }

    public SinkSettings withMaxPollRecords(int newMaxPollRecords) {
        return new SinkSettings(bootstrapServers, groupId, topic, pollTimeout, newMaxPollRecords);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
