package vn.povertyreview.sink;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.povertyreview.schemas.Topics;

/**
 * How the sink reads Kafka: the brokers, its consumer group (also the key of its stored offsets),
 * the rollups topic ({@link #topic()}), the classification-disagreements, target-statuses,
 * target-gap-alerts and audit-events topics, how long one poll waits and how many records one database transaction
 * takes at most. Built by the launcher; this module reads no environment.
 *
 * <p>Immutable and thread-safe.
 */
public record SinkSettings(
        String bootstrapServers,
        String groupId,
        String topic,
        String classificationDisagreementsTopic,
        String targetStatusesTopic,
        String targetGapAlertsTopic,
        String auditEventsTopic,
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
        requireText(targetStatusesTopic, "targetStatusesTopic");
        requireText(targetGapAlertsTopic, "targetGapAlertsTopic");
        requireText(auditEventsTopic, "auditEventsTopic");
        List<String> topics = List.of(topic, classificationDisagreementsTopic, targetStatusesTopic, targetGapAlertsTopic,
                auditEventsTopic);
        Set<String> seen = new HashSet<>();
        for (String name : topics) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("the rollups, classification-disagreements, target-statuses, target-gap-alerts"
                        + " and audit-events topics must differ, " + name + " is given twice: " + topics);
            }
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
     * The defaults: group {@value #DEFAULT_GROUP_ID}, topics {@value Topics#UNIT_ROLLUPS},
     * {@value Topics#CLASSIFICATION_DISAGREEMENTS}, {@value Topics#TARGET_STATUSES},
     * {@value Topics#TARGET_GAP_ALERTS} and {@value Topics#AUDIT_EVENTS}.
     */
    public static SinkSettings defaults(String bootstrapServers) {
        return new SinkSettings(bootstrapServers, DEFAULT_GROUP_ID, Topics.UNIT_ROLLUPS, Topics.CLASSIFICATION_DISAGREEMENTS,
                Topics.TARGET_STATUSES, Topics.TARGET_GAP_ALERTS, Topics.AUDIT_EVENTS, DEFAULT_POLL_TIMEOUT, DEFAULT_MAX_POLL_RECORDS);
    }

    /** Every topic the sink reads, rollups first. */
    public List<String> topics() {
        return List.of(topic, classificationDisagreementsTopic, targetStatusesTopic, targetGapAlertsTopic, auditEventsTopic);
    }

    public SinkSettings withGroupId(String newGroupId) {
        return new SinkSettings(bootstrapServers, newGroupId, topic, classificationDisagreementsTopic, targetStatusesTopic,
                targetGapAlertsTopic, auditEventsTopic, pollTimeout, maxPollRecords);
    }

    /** The same settings reading rollups from {@code newTopic}. */
    public SinkSettings withTopic(String newTopic) {
        return new SinkSettings(bootstrapServers, groupId, newTopic, classificationDisagreementsTopic, targetStatusesTopic,
                targetGapAlertsTopic, auditEventsTopic, pollTimeout, maxPollRecords);
    }

    public SinkSettings withClassificationDisagreementsTopic(String newTopic) {
        return new SinkSettings(bootstrapServers, groupId, topic, newTopic, targetStatusesTopic, targetGapAlertsTopic,
                auditEventsTopic, pollTimeout, maxPollRecords);
    }

    public SinkSettings withTargetStatusesTopic(String newTopic) {
        return new SinkSettings(bootstrapServers, groupId, topic, classificationDisagreementsTopic, newTopic, targetGapAlertsTopic,
                auditEventsTopic, pollTimeout, maxPollRecords);
    }

    public SinkSettings withTargetGapAlertsTopic(String newTopic) {
        return new SinkSettings(bootstrapServers, groupId, topic, classificationDisagreementsTopic, targetStatusesTopic, newTopic,
                auditEventsTopic, pollTimeout, maxPollRecords);
    }

    public SinkSettings withAuditEventsTopic(String newTopic) {
        return new SinkSettings(bootstrapServers, groupId, topic, classificationDisagreementsTopic, targetStatusesTopic,
                targetGapAlertsTopic, newTopic, pollTimeout, maxPollRecords);
    }

    public SinkSettings withPollTimeout(Duration newPollTimeout) {
        return new SinkSettings(bootstrapServers, groupId, topic, classificationDisagreementsTopic, targetStatusesTopic,
                targetGapAlertsTopic, auditEventsTopic, newPollTimeout, maxPollRecords);
    }

    public SinkSettings withMaxPollRecords(int newMaxPollRecords) {
        return new SinkSettings(bootstrapServers, groupId, topic, classificationDisagreementsTopic, targetStatusesTopic,
                targetGapAlertsTopic, auditEventsTopic, pollTimeout, newMaxPollRecords);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
