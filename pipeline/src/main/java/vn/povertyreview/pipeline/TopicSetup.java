package vn.povertyreview.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import vn.povertyreview.schemas.Topics;

/**
 * Creates the product's topics where they are missing, each with the retention its data needs and
 * compressed ({@link Topics#COMPRESSION}). Existing topics are left as they are: an operator may
 * have tuned them.
 */
public final class TopicSetup {

    /** Rejected records are kept long enough for a commune to correct and resubmit them. */
    static final long REJECTED_RETENTION_MS = 180L * 24 * 3600 * 1000;

    private TopicSetup() {
    }

    static List<NewTopic> topics(Topics topics, int partitions, short replication) {
        List<NewTopic> list = new ArrayList<>();
        // Reviews are the record of what every commune submitted and the source every rollup can be
        // rebuilt from: kept forever, never compacted (compaction keeps the last record written, which
        // is not the last review when records arrive out of order).
        list.add(new NewTopic(topics.householdReviews().name(), partitions, replication)
                .configs(compressed(TopicConfig.RETENTION_MS_CONFIG, "-1")));
        list.add(new NewTopic(topics.rejectedReviews().name(), partitions, replication)
                .configs(compressed(TopicConfig.RETENTION_MS_CONFIG, Long.toString(REJECTED_RETENTION_MS))));
        list.add(compacted(topics.unitRollups().name(), partitions, replication));
        list.add(compacted(topics.adminUnits().name(), partitions, replication));
        list.add(compacted(topics.classificationDisagreements().name(), partitions, replication));
        // Small, and read whole by every ingest instance: one partition each, like the tokens.
        list.add(compacted(topics.reductionTargets().name(), 1, replication));
        list.add(compacted(topics.reviewYearClosures().name(), 1, replication));
        list.add(compacted(topics.targetStatuses().name(), partitions, replication));
        // Alerts are a record of what was raised: kept forever, like the reviews.
        list.add(new NewTopic(topics.targetGapAlerts().name(), partitions, replication)
                .configs(compressed(TopicConfig.RETENTION_MS_CONFIG, "-1")));
        // The audit trail: every change made through ingest, kept forever by time and by size, and never
        // compacted, since every event is a fact of its own (its key, the event id, is never reused).
        list.add(new NewTopic(topics.auditEvents().name(), partitions, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.COMPRESSION_TYPE_CONFIG, Topics.COMPRESSION)));
        // One partition: every ingest instance reads all tokens from the start.
        list.add(compacted(topics.reviewerTokens().name(), 1, replication));
        list.add(compacted(topics.reviewerTokenUses().name(), 1, replication));
        return list;
    }

    private static NewTopic compacted(String name, int partitions, short replication) {
        return new NewTopic(name, partitions, replication)
                .configs(compressed(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private static Map<String, String> compressed(String config, String value) {
        return Map.of(config, value, TopicConfig.COMPRESSION_TYPE_CONFIG, Topics.COMPRESSION);
    }

    /** Creates the missing topics; returns the names it created. */
    public static List<String> ensure(Admin admin, Topics topics, int partitions, short replication)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        List<NewTopic> missing = topics(topics, partitions, replication).stream()
                .filter(topic -> !existing.contains(topic.name()))
                .toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        }
        return missing.stream().map(NewTopic::name).toList();
    }
}
